package org.newsroom.command.article.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/articles/{id}/request-changes}: what the reporter should change. */
public record RequestChangesRequest(
        @NotNull @Size(max = Limits.TEXT) String note) {}
