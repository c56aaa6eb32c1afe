package org.newsroom.command.article.web;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/articles/{id}/photos}: a photo from the media library by its {@code mediaId} (the result of
 * {@code POST /api/media}), or an http(s) image URI on a public host; one of the two, with its caption and credit.
 */
public record AttachPhotoRequest(
        @Size(max = Limits.TEXT) @PublicUri @Nullable String uri,
        @Size(max = Limits.TOKEN) @Nullable String mediaId,
        @NotNull @Size(max = Limits.TEXT) String caption,
        @NotNull @Size(max = Limits.TITLE) String credit,
        @Size(max = Limits.TEXT) @Nullable String altText) {}
