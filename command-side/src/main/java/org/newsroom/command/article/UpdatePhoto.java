package org.newsroom.command.article;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.newsroom.article.ArticleId;
import org.newsroom.article.PhotoId;

/** Sent to change an attached photo's caption, credit or alt text; a null field is left as it is. */
public record UpdatePhoto(
        @TargetAggregateIdentifier ArticleId articleId,
        PhotoId photoId,
        String caption,
        String credit,
        String altText,
        @TargetAggregateVersion Long expectedVersion) {

    public UpdatePhoto(ArticleId articleId, PhotoId photoId, String caption, String credit, String altText) {
        this(articleId, photoId, caption, credit, altText, null);
    }
}
