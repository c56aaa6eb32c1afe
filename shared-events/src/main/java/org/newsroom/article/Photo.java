package org.newsroom.article;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.media.MediaId;
import org.newsroom.media.Rendition;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A photo attached to an article. The first photo of an article is its lead photo. A photo taken from the media
 * library carries its {@code mediaId} and the library's {@code renditions}, and its {@code uri} is the library's
 * public address of the original; a photo given by address alone has neither. One the desk attached from an ingested
 * agency picture carries that item ({@code agencyItem}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Photo(
        PhotoId photoId,
        String uri,
        String caption,
        String credit,
        String altText,
        @Nullable MediaId mediaId,
        @Nullable List<Rendition> renditions,
        @Nullable AgencyPicture agencyItem) {

    public Photo {
        renditions = renditions == null ? null : List.copyOf(renditions);
    }

    /** A photo given by its address. */
    public Photo(PhotoId photoId, String uri, String caption, String credit, String altText) {
        this(photoId, uri, caption, credit, altText, null, null, null);
    }

    /** A photo from the media library, or given by address (no media fields). */
    public Photo(
            PhotoId photoId,
            String uri,
            String caption,
            String credit,
            String altText,
            @Nullable MediaId mediaId,
            @Nullable List<Rendition> renditions) {
        this(photoId, uri, caption, credit, altText, mediaId, renditions, null);
    }

    /** The same photo with another caption, credit and alt text. */
    public Photo withText(String caption, String credit, String altText) {
        return new Photo(photoId, uri, caption, credit, altText, mediaId, renditions, agencyItem);
    }
}
