package org.newsroom.query.transparency;

/** Prove that the tree of {@code from} leaves is a prefix of the tree of {@code to} leaves. */
public record ProveConsistency(long from, long to) {

    public ProveConsistency {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("a consistency proof goes from a size of at least 1 to one at least as"
                    + " large, not from " + from + " to " + to);
        }
    }
}
