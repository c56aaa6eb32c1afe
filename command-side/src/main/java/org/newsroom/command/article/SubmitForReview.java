package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.newsroom.article.ArticleId;

/** Sent by the author of a draft to hand it to the editors, with an optional note. */
public record SubmitForReview(
        @TargetAggregateIdentifier ArticleId articleId,
        String note,
        @TargetAggregateVersion Long expectedVersion) {

    public SubmitForReview(ArticleId articleId, String note) {
        this(articleId, note, null);
    }
}
