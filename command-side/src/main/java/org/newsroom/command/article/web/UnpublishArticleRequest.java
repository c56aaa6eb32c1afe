package org.newsroom.command.article.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/articles/{id}/unpublish}. */
public record UnpublishArticleRequest(
        @NotNull @Size(max = Limits.TEXT) String reason) {}
