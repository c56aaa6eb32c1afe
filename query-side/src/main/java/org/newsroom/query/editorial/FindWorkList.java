package org.newsroom.query.editorial;

import org.jspecify.annotations.Nullable;
import org.newsroom.query.article.ArticleState;

/**
 * A page of the work list, most recently changed first; every filter is optional. {@code q}: every word must begin
 * a word of the headline, standfirst, body text or a byline name (accents and case aside); {@code author}: the user
 * who created the article or a byline name; {@code mine}: created or last changed by {@code caller};
 * {@code changesRequested} and {@code scheduled}: the articles so flagged. {@code page} counts from 0.
 */
public record FindWorkList(
        @Nullable ArticleState state,
        @Nullable String q,
        @Nullable String author,
        boolean mine,
        @Nullable String caller,
        boolean changesRequested,
        boolean scheduled,
        int page,
        int size) {

    public static final int MAX_SIZE = 100;

    public FindWorkList {
        if (page < 0) {
            throw new IllegalArgumentException("page counts from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1–" + MAX_SIZE);
        }
        if (mine && (caller == null || caller.isBlank())) {
            throw new IllegalArgumentException("mine needs a signed-in caller");
        }
    }

    /** By state and words only. */
    public FindWorkList(@Nullable ArticleState state, @Nullable String q, int page, int size) {
        this(state, q, null, false, null, false, false, page, size);
    }
}
