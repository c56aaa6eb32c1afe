package org.newsroom.command.article;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ChangeKind;

/**
 * Sent by an editor to put the working copy live; a republication says why with a change kind and a public note.
 * <p>
 * {@code reviewRequired} is the installation's review policy: when it holds, a first publication of an article that
 * was never in review needs {@code withoutReview}, the editor's reason. {@code requestedAt} is the sender's clock; an
 * embargoed article refuses a publication requested before its embargo ends, or without a time. {@code scheduleId}
 * is set by the scheduler alone, firing that schedule: the schedule's change kind, note and reason then apply.
 */
public record PublishArticle(
        @TargetAggregateIdentifier ArticleId articleId,
        @Nullable ChangeKind changeKind,
        @Nullable String note,
        @Nullable String withoutReview,
        boolean reviewRequired,
        @Nullable String scheduleId,
        @Nullable Instant requestedAt,
        @TargetAggregateVersion @Nullable Long expectedVersion) {

    /** Under the default review policy, with no time given. */
    public PublishArticle(ArticleId articleId, @Nullable ChangeKind changeKind, @Nullable String note) {
        this(articleId, changeKind, note, null, true, null, null, null);
    }

    /** The scheduler firing schedule {@code scheduleId} at {@code firedAt}. */
    public static PublishArticle scheduled(ArticleId articleId, String scheduleId, Instant firedAt) {
        return new PublishArticle(articleId, null, null, null, false, scheduleId, firedAt, null);
    }
}
