package org.newsroom.command.media.web;

import java.util.List;

import org.newsroom.media.PhotoMetadata;

/**
 * Body of a successful {@code POST /api/media}: the new media id, the original's content type and displayed size, every
 * rendition with the address this server serves it at, and the photo metadata the file carried, to prefill the
 * caption and credit the reporter confirms.
 */
record UploadAnswer(
        String mediaId,
        String contentType,
        int width,
        int height,
        List<RenditionAnswer> renditions,
        PhotoMetadata metadata) {

    /** {@code href} is {@code /media/<mediaId>/<name>} on this server. */
    record RenditionAnswer(String name, String href, int width, int height, String contentType) {}
}
