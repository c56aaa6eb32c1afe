package org.newsroom.query.media;

import java.util.List;
import java.util.Optional;

import org.newsroom.media.Rendition;

/**
 * An uploaded image: the original's content type and SHA-256, every rendition (the original among them), and whether
 * a publication carried it ({@code published}): from then on anyone may read it, for good, since the answers that
 * said so may be cached for a year.
 */
public record MediaImage(String id, String contentType, String sha256, List<Rendition> renditions, boolean published) {

    public MediaImage {
        renditions = List.copyOf(renditions);
    }

    public Optional<Rendition> rendition(String name) {
        return renditions.stream()
                .filter(rendition -> rendition.name().equals(name))
                .findFirst();
    }

    /** The GridFS id of a rendition's file, as the upload stored it. */
    public String fileId(String rendition) {
        return id + "/" + rendition;
    }

    /** A strong ETag of one rendition: the images are never changed, so the original's hash and the name name it. */
    public String etag(String rendition) {
        return "\"" + sha256 + "-" + rendition + "\"";
    }

    MediaImage publishedNow() {
        return new MediaImage(id, contentType, sha256, renditions, true);
    }
}
