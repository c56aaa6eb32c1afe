package org.newsroom.article;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Recorded once, when a reporter or editor starts an article. The headline is 1–300 characters; the body may be empty. */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleDrafted(ArticleId articleId, String headline, String standfirst, String body, String language)
        implements ArticleEvent {}
