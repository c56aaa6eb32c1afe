package org.newsroom.command.article;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.newsroom.article.ArticleId;
import org.newsroom.article.Byline;

/** Sent to replace the article's bylines with 1 to 10 new ones. */
public record AssignByline(
        @TargetAggregateIdentifier ArticleId articleId,
        List<Byline> bylines,
        @TargetAggregateVersion Long expectedVersion) {

    public AssignByline(ArticleId articleId, List<Byline> bylines) {
        this(articleId, bylines, null);
    }
}
