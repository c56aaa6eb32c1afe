package org.newsroom.article;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Recorded when a draft goes to the editors. The note is optional. */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleSubmittedForReview(
        ArticleId articleId, @Nullable String note) implements ArticleEvent {}
