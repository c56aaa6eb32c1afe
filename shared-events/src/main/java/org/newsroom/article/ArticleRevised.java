package org.newsroom.article;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Recorded when the working copy's text changes. Carries only the fields that changed, with their new values; a
 * field that is absent did not change. At least one field is present.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleRevised(ArticleId articleId, String headline, String standfirst, String body, String language)
        implements ArticleEvent {}
