package org.newsroom.query.projection;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * The events that this instance's projection streams read last, by global position, so that the other streams reading
 * the same stretch of the log (three live projections after an append, three rebuilds started together) take them
 * from memory instead of reading them again, payloads already deserialized.
 * <p>
 * Only events read from the log are kept, and a stream takes them strictly in position order from the position after
 * its token, stopping at the first position that is not kept: exactly what it would have read from the log, since a
 * stored event never changes. The lowest positions are dropped beyond {@code capacity} positions below the highest.
 */
final class RecentReads {

    private final ConcurrentSkipListMap<Long, TrackedEventMessage<?>> events = new ConcurrentSkipListMap<>();
    private final int capacity;

    RecentReads(int capacity) {
        this.capacity = capacity;
    }

    /** Adds the kept events at {@code after + 1}, {@code after + 2}, … to {@code into}, at most {@code max}. */
    int takeAfter(long after, int max, Deque<TrackedEventMessage<?>> into) {
        int taken = 0;
        for (long position = after + 1; taken < max; position++) {
            TrackedEventMessage<?> event = events.get(position);
            if (event == null) {
                break;
            }
            into.addLast(event);
            taken++;
        }
        return taken;
    }

    void keep(List<TrackedEventMessage<?>> read) {
        for (TrackedEventMessage<?> event : read) {
            if (event.trackingToken() instanceof GlobalSequenceTrackingToken token) {
                events.put(token.getGlobalIndex(), event);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        long lowest = events.lastKey() - capacity;
        while (!events.isEmpty() && events.firstKey() <= lowest) {
            events.pollFirstEntry();
        }
    }

    static long positionOf(org.axonframework.eventhandling.TrackingToken token) {
        if (token == null) {
            return 0;
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return -1;
    }
}
