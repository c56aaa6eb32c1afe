package org.newsroom.query.transparency;

import org.jspecify.annotations.Nullable;

/** Prove that the event at a global position is leaf {@code position - 1} of the tree of {@code size} leaves. */
public record ProveInclusion(long position, @Nullable Long size) {

    public ProveInclusion {
        if (position < 1) {
            throw new IllegalArgumentException("position is a global position of the log, from 1");
        }
        if (size != null && size < position) {
            throw new IllegalArgumentException("the tree of size " + size + " does not hold position " + position);
        }
    }
}
