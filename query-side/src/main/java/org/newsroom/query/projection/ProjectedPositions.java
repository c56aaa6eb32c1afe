package org.newsroom.query.projection;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How far each projection has got: the global position up to which its documents are written. Kept in memory,
 * advanced by the projection's writer after each batch, and waited on by readers who need their own write
 * (read-your-writes) without asking MongoDB.
 */
public final class ProjectedPositions {

    private static final long FALLBACK_RECHECK_MILLIS = 100;

    private final Map<String, Tracker> trackers = new ConcurrentHashMap<>();

    private static final class Tracker {
        private long position;
        private LongSupplier fallback = () -> 0;

        synchronized void advance(long to) {
            if (to > position) {
                position = to;
                notifyAll();
            }
        }

        synchronized long position() {
            return Math.max(position, fallback.getAsLong());
        }

        synchronized boolean await(long wanted, long deadlineNanos) throws InterruptedException {
            while (position() < wanted) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                // woken by advance(); the cap only re-reads the processor's in-memory status now and then
                wait(Math.max(1, Math.min(FALLBACK_RECHECK_MILLIS, remaining / 1_000_000)));
            }
            return true;
        }
    }

    private Tracker tracker(String projection) {
        return trackers.computeIfAbsent(projection, name -> new Tracker());
    }

    /**
     * Where to look when nothing was written since start: the processor's own view of its token, so that an idle
     * projection that caught up before a restart does not look behind.
     */
    public void fallback(String projection, LongSupplier processorPosition) {
        Tracker tracker = tracker(projection);
        synchronized (tracker) {
            tracker.fallback = processorPosition;
        }
    }

    public void advance(String projection, long position) {
        tracker(projection).advance(position);
    }

    public long position(String projection) {
        return tracker(projection).position();
    }

    /** Waits until the projection has processed {@code position}; false if it has not within {@code timeout}. */
    public boolean await(String projection, long position, Duration timeout) throws InterruptedException {
        return tracker(projection).await(position, System.nanoTime() + timeout.toNanos());
    }

    /** Wakes the waiters of a projection so that they look again (after a processor started or switched). */
    public void touch(String projection) {
        Tracker tracker = tracker(projection);
        synchronized (tracker) {
            tracker.notifyAll();
        }
    }
}
