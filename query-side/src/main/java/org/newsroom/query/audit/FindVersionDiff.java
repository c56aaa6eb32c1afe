package org.newsroom.query.audit;

/** What changed, field by field, from version {@code from} to version {@code to} of an article. */
public record FindVersionDiff(String articleId, long from, long to) {

    public FindVersionDiff {
        if (from < 1 || to < 1) {
            throw new IllegalArgumentException("versions count from 1");
        }
    }
}
