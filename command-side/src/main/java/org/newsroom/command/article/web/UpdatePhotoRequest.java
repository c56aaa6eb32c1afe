package org.newsroom.command.article.web;

import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /api/articles/{id}/photos/{photoId}}: the fields to change. */
public record UpdatePhotoRequest(
        @Size(max = Limits.TEXT) String caption,
        @Size(max = Limits.TITLE) String credit,
        @Size(max = Limits.TEXT) String altText) {}
