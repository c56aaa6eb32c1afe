package org.newsroom.article;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Recorded when the working copy's text changes. Carries only the fields that changed, with their new values; a
 * field that is absent did not change. At least one field is present.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleRevised(
        ArticleId articleId,
        @Nullable String headline,
        @Nullable String standfirst,
        @Nullable String body,
        @Nullable String language)
        implements ArticleEvent {}
