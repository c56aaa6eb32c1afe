package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleId;

/** Sent by a reporter or an editor to add a comment to the article's conversation, under a comment id the caller chose. */
public record AddComment(
        @TargetAggregateIdentifier ArticleId articleId,
        String commentId,
        String text,
        @TargetAggregateVersion @Nullable Long expectedVersion) {

    public AddComment(ArticleId articleId, String commentId, String text) {
        this(articleId, commentId, text, null);
    }
}
