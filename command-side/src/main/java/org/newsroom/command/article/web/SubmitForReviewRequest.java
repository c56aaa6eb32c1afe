package org.newsroom.command.article.web;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/articles/{id}/submit}. */
public record SubmitForReviewRequest(
        @Size(max = Limits.TEXT) @Nullable String note) {}
