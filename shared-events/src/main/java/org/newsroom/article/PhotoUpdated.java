package org.newsroom.article;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Recorded when a photo's caption, credit or alt text changes. Carries only the fields that changed. */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoUpdated(ArticleId articleId, PhotoId photoId, String caption, String credit, String altText)
        implements ArticleEvent {}
