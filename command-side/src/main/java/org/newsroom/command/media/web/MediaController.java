package org.newsroom.command.media.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.newsroom.command.media.MediaUploads;
import org.newsroom.command.media.UploadedMedia;
import org.newsroom.media.MediaUploaded;
import org.newsroom.media.Rendition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Uploads an image into the media library: as a multipart form's {@code file}, or as the body itself. */
@RestController
@RequestMapping(path = "/api/media", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Media library", description = "Images uploaded once, attached to articles by their media id")
class MediaController {

    static final String POSITION_HEADER = "Newsroom-Position";

    private final MediaUploads uploads;

    MediaController(MediaUploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an image (JPEG, PNG or WebP) as the multipart field \"file\"")
    @ApiResponse(responseCode = "201", description = "Stored with its renditions; Location names the original")
    ResponseEntity<UploadAnswer> uploadForm(@RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return created(uploads.upload(in));
        }
    }

    @PostMapping(consumes = "image/*")
    @Operation(summary = "Upload an image (JPEG, PNG or WebP) as the request body, with an image content type")
    @ApiResponse(responseCode = "201", description = "Stored with its renditions; Location names the original")
    ResponseEntity<UploadAnswer> uploadBytes(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            return created(uploads.upload(in));
        }
    }

    private static ResponseEntity<UploadAnswer> created(UploadedMedia media) {
        MediaUploaded uploaded = media.uploaded();
        String id = uploaded.mediaId().value();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(href(id, Rendition.ORIGINAL)))
                .header(POSITION_HEADER, String.valueOf(media.position()))
                .body(new UploadAnswer(
                        id,
                        uploaded.contentType(),
                        uploaded.width(),
                        uploaded.height(),
                        uploaded.renditions().stream()
                                .map(rendition -> new UploadAnswer.RenditionAnswer(
                                        rendition.name(),
                                        href(id, rendition.name()),
                                        rendition.width(),
                                        rendition.height(),
                                        rendition.contentType()))
                                .toList(),
                        uploaded.metadata()));
    }

    private static String href(String mediaId, String rendition) {
        return "/media/" + mediaId + "/" + rendition;
    }
}
