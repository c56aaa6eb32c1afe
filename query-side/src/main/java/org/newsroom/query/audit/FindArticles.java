package org.newsroom.query.audit;

import org.jspecify.annotations.Nullable;
import org.newsroom.query.article.ArticleState;

/**
 * A page of every article, unpublished and killed ones included, most recently changed first: {@code q} as the work
 * list's (every word begins a word of the headline, standfirst, body text or a byline name), {@code state} optional.
 */
public record FindArticles(@Nullable String q, @Nullable ArticleState state, int page, int size) {

    public static final int MAX_SIZE = 100;

    public FindArticles {
        if (page < 0) {
            throw new IllegalArgumentException("page counts from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1–" + MAX_SIZE);
        }
    }
}
