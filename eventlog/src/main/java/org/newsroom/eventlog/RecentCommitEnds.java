package org.newsroom.eventlog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Positions known to end a commit. A reader asked for the events after such a position knows the next position
 * starts a commit, and need not look back for a commit that straddles it.
 */
final class RecentCommitEnds {

    private final Set<Long> ends;

    RecentCommitEnds(int capacity) {
        this.ends = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        });
    }

    synchronized void add(long position) {
        ends.add(position);
    }

    synchronized boolean contains(long position) {
        return position == 0 || ends.contains(position);
    }
}
