package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.newsroom.article.ArticleId;

/** Sent by an editor to take a published article off the site, saying why. */
public record UnpublishArticle(
        @TargetAggregateIdentifier ArticleId articleId,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public UnpublishArticle(ArticleId articleId, String reason) {
        this(articleId, reason, null);
    }
}
