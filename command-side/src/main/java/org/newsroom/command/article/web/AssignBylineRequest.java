package org.newsroom.command.article.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/articles/{id}/byline}: the complete new list of bylines (1 to 10). */
public record AssignBylineRequest(
        @NotNull @Size(max = Limits.LIST) List<@NotNull @Valid BylineEntry> bylines) {

    /** A person credited: a name, optionally a role ("author") and an affiliation ("AFP"). */
    public record BylineEntry(
            @NotNull @Size(max = Limits.TITLE) String name,
            @Size(max = Limits.TITLE) @Nullable String role,
            @Size(max = Limits.TITLE) @Nullable String affiliation) {}
}
