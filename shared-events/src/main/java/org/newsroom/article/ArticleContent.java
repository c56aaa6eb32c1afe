package org.newsroom.article;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The complete content of an article: what a reader sees. {@code body} is HTML restricted to p, h2, h3, a[href], em,
 * strong, blockquote, ul, ol, li and br. Photos are in display order, the lead photo first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleContent(
        String headline, String standfirst, String body, String language, List<Photo> photos, List<Byline> bylines) {

    public ArticleContent {
        photos = photos == null ? List.of() : List.copyOf(photos);
        bylines = bylines == null ? List.of() : List.copyOf(bylines);
    }
}
