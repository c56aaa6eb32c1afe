package org.newsroom.article;

import java.util.List;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;
import org.newsroom.media.MediaId;
import org.newsroom.media.Rendition;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Recorded when a photo is added at the end of the article's photos. The uri is http(s); caption and credit are
 * non-blank. A photo from the media library also carries its {@code mediaId} and {@code renditions} (absent for a
 * photo given by address); one the desk attached from an ingested agency picture carries that item ({@code
 * agencyItem}, absent otherwise).
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoAttached(
        ArticleId articleId,
        PhotoId photoId,
        String uri,
        String caption,
        String credit,
        String altText,
        @Nullable MediaId mediaId,
        @Nullable List<Rendition> renditions,
        @Nullable AgencyPicture agencyItem)
        implements ArticleEvent {

    public PhotoAttached {
        renditions = renditions == null ? null : List.copyOf(renditions);
    }

    /** A photo given by its address. */
    public PhotoAttached(
            ArticleId articleId, PhotoId photoId, String uri, String caption, String credit, String altText) {
        this(articleId, photoId, uri, caption, credit, altText, null, null, null);
    }

    /** A photo from the media library, or given by address (no media fields). */
    public PhotoAttached(
            ArticleId articleId,
            PhotoId photoId,
            String uri,
            String caption,
            String credit,
            String altText,
            @Nullable MediaId mediaId,
            @Nullable List<Rendition> renditions) {
        this(articleId, photoId, uri, caption, credit, altText, mediaId, renditions, null);
    }

    /** The photo as the article holds it. */
    public Photo photo() {
        return new Photo(photoId, uri, caption, credit, altText, mediaId, renditions, agencyItem);
    }
}
