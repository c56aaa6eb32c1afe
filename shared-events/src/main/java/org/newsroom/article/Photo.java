package org.newsroom.article;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A photo attached to an article. The first photo of an article is its lead photo. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Photo(PhotoId photoId, String uri, String caption, String credit, String altText) {}
