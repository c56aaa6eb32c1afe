package org.newsroom.command.article;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ChangeKind;

/**
 * Sent by an editor to publish the article at {@code at}, under a schedule id the caller chose, replacing any schedule
 * pending. {@code changeKind}, {@code note} and {@code withoutReview} are those of {@link PublishArticle}, decided now;
 * {@code reviewRequired} is the installation's review policy; {@code requestedAt} is the sender's clock, which
 * {@code at} must be after.
 */
public record SchedulePublication(
        @TargetAggregateIdentifier ArticleId articleId,
        String scheduleId,
        Instant at,
        @Nullable ChangeKind changeKind,
        @Nullable String note,
        @Nullable String withoutReview,
        boolean reviewRequired,
        Instant requestedAt,
        @TargetAggregateVersion @Nullable Long expectedVersion) {

    public SchedulePublication(ArticleId articleId, String scheduleId, Instant at, Instant requestedAt) {
        this(articleId, scheduleId, at, null, null, null, true, requestedAt, null);
    }
}
