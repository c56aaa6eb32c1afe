package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleId;

/** Sent by an editor to lift the article's embargo. */
public record LiftEmbargo(
        @TargetAggregateIdentifier ArticleId articleId,
        @TargetAggregateVersion @Nullable Long expectedVersion) {

    public LiftEmbargo(ArticleId articleId) {
        this(articleId, null);
    }
}
