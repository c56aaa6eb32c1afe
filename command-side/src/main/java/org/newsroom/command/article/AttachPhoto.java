package org.newsroom.command.article;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.AgencyPicture;
import org.newsroom.article.ArticleId;
import org.newsroom.article.PhotoId;
import org.newsroom.media.MediaId;
import org.newsroom.media.Rendition;

/**
 * Sent to add a photo after the existing ones, under a photo id the caller chose. A photo from the media library
 * carries its {@code mediaId} and {@code renditions} as the library recorded them, and the library's public address
 * as its {@code uri}; a photo given by address has neither. One attached from an ingested agency picture names that
 * item ({@code agencyItem}).
 */
public record AttachPhoto(
        @TargetAggregateIdentifier ArticleId articleId,
        PhotoId photoId,
        String uri,
        String caption,
        String credit,
        String altText,
        @Nullable MediaId mediaId,
        @Nullable List<Rendition> renditions,
        @Nullable AgencyPicture agencyItem,
        @TargetAggregateVersion Long expectedVersion) {

    public AttachPhoto(
            ArticleId articleId, PhotoId photoId, String uri, String caption, String credit, String altText) {
        this(articleId, photoId, uri, caption, credit, altText, null, null, null, null);
    }

    public AttachPhoto(
            ArticleId articleId,
            PhotoId photoId,
            String uri,
            String caption,
            String credit,
            String altText,
            Long expectedVersion) {
        this(articleId, photoId, uri, caption, credit, altText, null, null, null, expectedVersion);
    }

    public AttachPhoto(
            ArticleId articleId,
            PhotoId photoId,
            String uri,
            String caption,
            String credit,
            String altText,
            @Nullable MediaId mediaId,
            @Nullable List<Rendition> renditions,
            Long expectedVersion) {
        this(articleId, photoId, uri, caption, credit, altText, mediaId, renditions, null, expectedVersion);
    }
}
