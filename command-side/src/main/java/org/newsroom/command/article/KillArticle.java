package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.newsroom.article.ArticleId;

/** Sent by an editor to withdraw an article for good, with a reason and a notice shown to readers. */
public record KillArticle(
        @TargetAggregateIdentifier ArticleId articleId,
        String reason,
        String notice,
        @TargetAggregateVersion Long expectedVersion) {

    public KillArticle(ArticleId articleId, String reason, String notice) {
        this(articleId, reason, notice, null);
    }
}
