package org.newsroom.reliability.upcasting;

import org.axonframework.serialization.Revision;

/**
 * A test-only event, at its second revision: an article was flagged for review. Revision 1 was
 * {@code {articleId, flag, flaggedBy}} with the flagger as a plain name; revision 2 calls the flag a reason, makes the
 * flagger a person with a desk, and adds a severity (high for legal flags). Stored revision-1 events are read through
 * {@link ArticleFlaggedUpcaster}; none is ever rewritten.
 */
@Revision("2")
public record ArticleFlagged(String articleId, String reason, Flagger flaggedBy, Severity severity) {

    public record Flagger(String name, String desk) {}

    public enum Severity {
        NORMAL,
        HIGH
    }
}
