package org.newsroom.query.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * The most recent events of the log, contiguous by position, in a fixed-size ring. Readers ask for the events after a
 * position; when the ring has already moved past it they are told to read the log instead.
 */
final class RecentEvents {

    private final FeedEvent[] ring;
    private final long first;
    private long newest;

    /** An empty ring that continues the log after {@code head}. */
    RecentEvents(int capacity, long head) {
        this.ring = new FeedEvent[Math.max(1, capacity)];
        this.first = head + 1;
        this.newest = head;
    }

    synchronized void append(FeedEvent event) {
        if (event.position() != newest + 1) {
            throw new IllegalStateException(
                    "the log is gap-free: expected position " + (newest + 1) + ", got " + event.position());
        }
        ring[(int) (event.position() % ring.length)] = event;
        newest = event.position();
    }

    synchronized long newest() {
        return newest;
    }

    /** The lowest position still held, or {@code newest + 1} when nothing is held. */
    synchronized long oldest() {
        return Math.max(first, newest - ring.length + 1);
    }

    /**
     * Up to {@code max} events after {@code position}, in order; empty when there are none yet; {@code null} when the
     * ring no longer holds the event right after {@code position}, so the caller must read the log.
     */
    synchronized List<FeedEvent> after(long position, int max) {
        if (position >= newest) {
            return List.of();
        }
        if (position + 1 < oldest()) {
            return null;
        }
        List<FeedEvent> result = new ArrayList<>((int) Math.min(max, newest - position));
        for (long p = position + 1; p <= newest && result.size() < max; p++) {
            result.add(ring[(int) (p % ring.length)]);
        }
        return result;
    }
}
