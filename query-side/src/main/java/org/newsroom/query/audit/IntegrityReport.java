package org.newsroom.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of verifying an article's hash chain: valid with the number of events and the head hash, or invalid
 * with the global position of the first event that fails and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrityReport(
        String articleId, boolean valid, int events, String head, Long firstBadPosition, String reason) {

    static IntegrityReport valid(String articleId, int events, String head) {
        return new IntegrityReport(articleId, true, events, head, null, null);
    }

    static IntegrityReport invalid(String articleId, int verified, long firstBadPosition, String reason) {
        return new IntegrityReport(articleId, false, verified, null, firstBadPosition, reason);
    }
}
