package org.newsroom.command.article.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/articles/{id}/kill}: an internal reason and the notice shown to readers. */
public record KillArticleRequest(
        @NotNull @Size(max = Limits.TEXT) String reason,
        @NotNull @Size(max = Limits.TEXT) String notice) {}
