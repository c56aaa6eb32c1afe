package org.newsroom.command.article.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/articles/{id}/comments}: 1 to 5,000 characters for the desk, never shown to readers. */
public record AddCommentRequest(
        @NotNull @Size(max = Limits.TEXT) String text) {}
