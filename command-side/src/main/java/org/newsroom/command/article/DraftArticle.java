package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.newsroom.article.ArticleId;

/** Sent to start an article under an id the caller chose; a null language means English. */
public record DraftArticle(
        @TargetAggregateIdentifier ArticleId articleId,
        String headline,
        String standfirst,
        String body,
        String language) {}
