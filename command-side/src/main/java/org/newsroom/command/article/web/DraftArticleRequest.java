package org.newsroom.command.article.web;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/articles}. The body is HTML of the allowed subset; language defaults to {@code en}. */
public record DraftArticleRequest(
        @NotNull @Size(max = Limits.TITLE) String headline,
        @Size(max = Limits.TEXT) @Nullable String standfirst,
        @Nullable String body,
        @Size(max = Limits.TOKEN) @Nullable String language) {}
