package org.newsroom.query.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of verifying an article's stored events against the latest signed checkpoint: valid with the number
 * of events and the head of their hash chain, or invalid with the global position of the first event that fails (or
 * the first position the checkpoint covers that is missing) and why. {@code checkpoint} is the checkpoint verified
 * against; {@code notYetCovered} counts the article's events after it, whose hash chain alone was checked (the next
 * checkpoint covers them).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrityReport(
        String articleId,
        boolean valid,
        int events,
        @Nullable String head,
        @Nullable Long firstBadPosition,
        @Nullable String reason,
        @Nullable CheckpointSummary checkpoint,
        @Nullable Integer notYetCovered) {

    /** The signed checkpoint an answer was verified against: its tree size, root hash and time of signing. */
    public record CheckpointSummary(long size, String rootHash, Instant timestamp) {}

    static IntegrityReport valid(
            String articleId, int events, String head, @Nullable CheckpointSummary checkpoint, int notYetCovered) {
        return new IntegrityReport(
                articleId, true, events, head, null, null, checkpoint, notYetCovered > 0 ? notYetCovered : null);
    }

    static IntegrityReport invalid(
            String articleId,
            int verified,
            @Nullable Long firstBadPosition,
            String reason,
            @Nullable CheckpointSummary checkpoint) {
        return new IntegrityReport(articleId, false, verified, null, firstBadPosition, reason, checkpoint, null);
    }
}
