package org.newsroom.command.article.web;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/articles/{id}/photos}: an http(s) image URI on a public host with its caption and credit. */
public record AttachPhotoRequest(
        @NotNull @Size(max = Limits.TEXT) @PublicUri String uri,
        @NotNull @Size(max = Limits.TEXT) String caption,
        @NotNull @Size(max = Limits.TITLE) String credit,
        @Size(max = Limits.TEXT) @Nullable String altText) {}
