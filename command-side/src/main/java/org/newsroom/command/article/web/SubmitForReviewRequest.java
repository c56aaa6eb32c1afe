package org.newsroom.command.article.web;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/articles/{id}/submit}. */
public record SubmitForReviewRequest(
        @Size(max = Limits.TEXT) String note) {}
