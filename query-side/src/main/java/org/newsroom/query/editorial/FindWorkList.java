package org.newsroom.query.editorial;

import org.newsroom.query.article.ArticleState;

/**
 * A page of the work list, most recently updated first. {@code state} and {@code headlineContains} (case-insensitive)
 * are optional filters; {@code page} counts from 0.
 */
public record FindWorkList(ArticleState state, String headlineContains, int page, int size) {

    public static final int MAX_SIZE = 100;

    public FindWorkList {
        if (page < 0) {
            throw new IllegalArgumentException("page counts from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1–" + MAX_SIZE);
        }
    }
}
