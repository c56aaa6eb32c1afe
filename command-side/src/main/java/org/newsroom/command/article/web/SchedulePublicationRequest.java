package org.newsroom.command.article.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.ChangeKind;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/articles/{id}/schedule}: when to publish (an ISO-8601 instant in the future), and what the
 * publication will carry, as for {@code POST /publish}.
 */
public record SchedulePublicationRequest(
        @NotNull Instant at,

        @Pattern(
                regexp = "update|correction|clarification",
                message = "must be one of update, correction, clarification")
        @Nullable
        String changeKind,

        @Size(max = Limits.TEXT) @Nullable String note,
        @Size(max = Limits.TEXT) @Nullable String withoutReview) {

    @Nullable
    ChangeKind kind() {
        return PublishArticleRequest.kind(changeKind);
    }
}
