package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleId;

/** Sent by an editor to cancel the article's pending scheduled publication. */
public record CancelScheduledPublication(
        @TargetAggregateIdentifier ArticleId articleId,
        @TargetAggregateVersion @Nullable Long expectedVersion) {

    public CancelScheduledPublication(ArticleId articleId) {
        this(articleId, null);
    }
}
