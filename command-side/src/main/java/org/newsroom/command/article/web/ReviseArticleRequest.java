package org.newsroom.command.article.web;

import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /api/articles/{id}}: the fields to change; an absent field is left as it is. */
public record ReviseArticleRequest(
        @Size(max = Limits.TITLE) String headline,
        @Size(max = Limits.TEXT) String standfirst,
        String body,
        @Size(max = Limits.TOKEN) String language) {}
