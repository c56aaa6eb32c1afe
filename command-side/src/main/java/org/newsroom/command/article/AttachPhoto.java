package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.newsroom.article.ArticleId;
import org.newsroom.article.PhotoId;

/** Sent to add a photo after the existing ones, under a photo id the caller chose. */
public record AttachPhoto(
        @TargetAggregateIdentifier ArticleId articleId,
        PhotoId photoId,
        String uri,
        String caption,
        String credit,
        String altText,
        @TargetAggregateVersion Long expectedVersion) {

    public AttachPhoto(
            ArticleId articleId, PhotoId photoId, String uri, String caption, String credit, String altText) {
        this(articleId, photoId, uri, caption, credit, altText, null);
    }
}
