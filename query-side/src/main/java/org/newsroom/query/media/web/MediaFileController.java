package org.newsroom.query.media.web;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.newsroom.media.Rendition;
import org.newsroom.platform.security.Role;
import org.newsroom.platform.web.ProblemException;
import org.newsroom.query.media.MediaImage;
import org.newsroom.query.media.MediaImages;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * An image's bytes: to anyone once a publication carried it, cacheable for a year and immutable; before that to
 * reporters and editors only, never stored by a cache (anyone else gets 404, as for an image that does not exist).
 * The ETag is strong; Spring answers If-None-Match with 304.
 */
@RestController
class MediaFileController {

    private static final CacheControl PUBLIC =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final MediaImages images;

    MediaFileController(MediaImages images) {
        this.images = images;
    }

    @GetMapping("/media/{mediaId}/{rendition}")
    @Nullable
    ResponseEntity<InputStreamResource> file(
            @PathVariable String mediaId,
            @PathVariable String rendition,
            @Nullable Authentication caller,
            WebRequest request) {
        MediaImage image = images.find(mediaId)
                .filter(found -> found.published() || isEditorial(caller))
                .orElseThrow(() -> ProblemException.notFound("media-not-found", "no image " + mediaId));
        Rendition file = image.rendition(rendition)
                .orElseThrow(() -> ProblemException.notFound(
                        "media-not-found", "image " + mediaId + " has no rendition " + rendition));
        if (request.checkNotModified(image.etag(rendition))) {
            return null; // 304, before the file is opened
        }
        return ResponseEntity.ok()
                .cacheControl(
                        image.published() ? PUBLIC : CacheControl.noStore().cachePrivate())
                .eTag(image.etag(rendition))
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(images.open(image, rendition)));
    }

    private static boolean isEditorial(@Nullable Authentication caller) {
        return caller != null
                && caller.isAuthenticated()
                && caller.getAuthorities().stream()
                        .anyMatch(authority -> Role.REPORTER.authority().equals(authority.getAuthority())
                                || Role.EDITOR.authority().equals(authority.getAuthority()));
    }
}
