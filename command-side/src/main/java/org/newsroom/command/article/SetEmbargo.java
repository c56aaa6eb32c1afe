package org.newsroom.command.article;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleId;

/**
 * Sent by an editor to hold the article back until {@code until}: no publication before it, by hand or by schedule.
 * {@code requestedAt} is the sender's clock, which {@code until} must be after.
 */
public record SetEmbargo(
        @TargetAggregateIdentifier ArticleId articleId,
        Instant until,
        Instant requestedAt,
        @TargetAggregateVersion @Nullable Long expectedVersion) {

    public SetEmbargo(ArticleId articleId, Instant until, Instant requestedAt) {
        this(articleId, until, requestedAt, null);
    }
}
