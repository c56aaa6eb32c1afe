package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.newsroom.article.ArticleId;

/** Sent to change the working copy's text; a null field is left as it is. */
public record ReviseArticle(
        @TargetAggregateIdentifier ArticleId articleId,
        String headline,
        String standfirst,
        String body,
        String language,
        @TargetAggregateVersion Long expectedVersion) {

    public ReviseArticle(ArticleId articleId, String headline, String standfirst, String body, String language) {
        this(articleId, headline, standfirst, body, language, null);
    }
}
