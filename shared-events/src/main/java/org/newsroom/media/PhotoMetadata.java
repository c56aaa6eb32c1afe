package org.newsroom.media;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an image file says about itself, read at upload for the reporter to confirm: {@code caption} from IPTC
 * Caption/Abstract, XMP dc:description or EXIF ImageDescription; {@code credit} from IPTC Credit or XMP
 * photoshop:Credit; {@code creator} from IPTC By-line or XMP dc:creator. Each is absent when the file has none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoMetadata(
        @Nullable String caption,
        @Nullable String credit,
        @Nullable String creator) {

    public static final PhotoMetadata NONE = new PhotoMetadata(null, null, null);
}
