package org.newsroom.article;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Recorded when a photo's caption, credit or alt text changes. Carries only the fields that changed. */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoUpdated(
        ArticleId articleId,
        PhotoId photoId,
        @Nullable String caption,
        @Nullable String credit,
        @Nullable String altText)
        implements ArticleEvent {}
