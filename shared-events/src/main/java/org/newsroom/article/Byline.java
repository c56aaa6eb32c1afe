package org.newsroom.article;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A person credited with an article: a name, optionally a role ("author", "photographer") and the
 * organisation they write for (an agency such as "AFP").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Byline(
        String name, @Nullable String role, @Nullable String affiliation) {}
