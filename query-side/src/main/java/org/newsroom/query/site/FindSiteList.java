package org.newsroom.query.site;

/** A page of published articles, newest first, after the opaque {@code cursor} of the previous page (or from the top). */
public record FindSiteList(int limit, String cursor) {

    public static final int MAX_LIMIT = 100;

    public FindSiteList {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_LIMIT);
        }
    }
}
