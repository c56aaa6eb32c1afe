package org.newsroom.command.article.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/articles}. The body is HTML of the allowed subset; language defaults to {@code en}. */
public record DraftArticleRequest(
        @NotNull @Size(max = Limits.TITLE) String headline,
        @Size(max = Limits.TEXT) String standfirst,
        String body,
        @Size(max = Limits.TOKEN) String language) {}
