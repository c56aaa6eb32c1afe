package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.newsroom.article.ArticleId;
import org.newsroom.article.PhotoId;

/** Sent to remove a photo from the working copy. */
public record DetachPhoto(
        @TargetAggregateIdentifier ArticleId articleId,
        PhotoId photoId,
        @TargetAggregateVersion Long expectedVersion) {

    public DetachPhoto(ArticleId articleId, PhotoId photoId) {
        this(articleId, photoId, null);
    }
}
