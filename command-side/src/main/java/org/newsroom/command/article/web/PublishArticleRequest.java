package org.newsroom.command.article.web;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.ChangeKind;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/articles/{id}/publish}, optional on first publication. A republication says why:
 * {@code update} (default), {@code correction} or {@code clarification}, the last two with a public note.
 * {@code withoutReview} is the editor's reason for publishing an article that was never in review. The change kind is
 * matched exactly: Jackson's enum reading would forgive surrounding spaces.
 */
public record PublishArticleRequest(
        @Pattern(
                regexp = "update|correction|clarification",
                message = "must be one of update, correction, clarification")
        @Nullable
        String changeKind,

        @Size(max = Limits.TEXT) @Nullable String note,

        @Size(max = Limits.TEXT) @Nullable String withoutReview) {

    @Nullable
    ChangeKind kind() {
        return kind(changeKind);
    }

    static @Nullable ChangeKind kind(@Nullable String changeKind) {
        return changeKind == null ? null : ChangeKind.valueOf(changeKind.toUpperCase(java.util.Locale.ROOT));
    }
}
