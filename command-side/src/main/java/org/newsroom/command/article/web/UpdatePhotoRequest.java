package org.newsroom.command.article.web;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /api/articles/{id}/photos/{photoId}}: the fields to change. */
public record UpdatePhotoRequest(
        @Size(max = Limits.TEXT) @Nullable String caption,
        @Size(max = Limits.TITLE) @Nullable String credit,
        @Size(max = Limits.TEXT) @Nullable String altText) {}
