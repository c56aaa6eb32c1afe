package org.newsroom.article;

import java.util.List;

import org.axonframework.serialization.Revision;

/** Recorded when the article's bylines are set; replaces the previous bylines. Holds 1–10 bylines. */
@Revision("1")
public record BylineAssigned(ArticleId articleId, List<Byline> bylines) implements ArticleEvent {

    public BylineAssigned {
        bylines = bylines == null ? List.of() : List.copyOf(bylines);
    }
}
