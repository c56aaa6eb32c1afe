package org.newsroom.article;

import org.axonframework.serialization.Revision;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Recorded when a photo is added at the end of the article's photos. The uri is http(s); caption and credit are non-blank. */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhotoAttached(
        ArticleId articleId, PhotoId photoId, String uri, String caption, String credit, String altText)
        implements ArticleEvent {}
