package org.newsroom.media;

import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Recorded when an image is uploaded and its original and renditions are stored. {@code width} and {@code height}
 * are the original's as displayed (EXIF orientation applied); {@code sha256} (lower-case hex) and {@code byteSize}
 * are those of the uploaded bytes; {@code renditions} lists every stored form, {@code original} included, narrowest
 * first; {@code metadata} is what the file said about itself.
 */
@Revision("1")
public record MediaUploaded(
        MediaId mediaId,
        String contentType,
        int width,
        int height,
        String sha256,
        long byteSize,
        List<Rendition> renditions,
        PhotoMetadata metadata)
        implements MediaEvent {

    public MediaUploaded {
        renditions = List.copyOf(renditions);
    }
}
