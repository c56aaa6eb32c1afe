package org.newsroom.command.article.web;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /api/articles/{id}}: the fields to change; an absent field is left as it is. */
public record ReviseArticleRequest(
        @Size(max = Limits.TITLE) @Nullable String headline,
        @Size(max = Limits.TEXT) @Nullable String standfirst,
        @Nullable String body,
        @Size(max = Limits.TOKEN) @Nullable String language) {}
