package org.newsroom.query.projection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.newsroom.eventlog.EventLogStorageEngine;

/**
 * The event log as the projections' processors read it: straight from the storage engine by global position, and
 * woken the moment an append of this instance is stored.
 * <p>
 * Axon's embedded event store hands processors a stream that cannot call them back, so a pooled streaming processor
 * looks for new events only every half second. These streams can: every append goes through the event store, whose
 * subscribers are told right after the engine has stored it, and each open stream then calls its processor back.
 * Appends of other instances are announced through MongoDB ({@link ProjectedPositions}): the instance that finds the
 * log's head moved wakes the streams ({@link #wake()}); the processors also look again every token claim interval.
 * <p>
 * The streams share their reads ({@link RecentReads}): what one projection's stream read from the log, the others take
 * from memory when they reach it.
 */
final class LogEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private static final int FETCH_SIZE = 500;
    private static final int SHARED_READS = 4_096;

    private final EventLogStorageEngine engine;
    private final Set<LogStream> open = ConcurrentHashMap.newKeySet();
    private final RecentReads recent = new RecentReads(SHARED_READS);

    LogEventSource(EventLogStorageEngine engine, EmbeddedEventStore eventStore) {
        this.engine = engine;
        eventStore.subscribe(events -> open.forEach(LogStream::appended));
    }

    /** Makes every open stream look at the log again: another instance has appended. */
    void wake() {
        open.forEach(LogStream::appended);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        LogStream stream = new LogStream(trackingToken);
        open.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return engine.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return engine.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        return engine.createTokenAt(dateTime);
    }

    private final class LogStream implements BlockingStream<TrackedEventMessage<?>> {

        private final Deque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
        /** Separate from the stream's own monitor, which is held while reading the log: an append never waits for a read. */
        private final Object signal = new Object();

        private TrackingToken last;
        private volatile Runnable callback;
        private volatile boolean appended = true;

        LogStream(TrackingToken from) {
            this.last = from;
        }

        /** Called in the appending thread, right after its commit: must not block. */
        void appended() {
            synchronized (signal) {
                appended = true;
                signal.notifyAll();
            }
            Runnable onAvailable = callback;
            if (onAvailable != null) {
                onAvailable.run();
            }
        }

        @Override
        public synchronized Optional<TrackedEventMessage<?>> peek() {
            fetchIfEmpty();
            return Optional.ofNullable(buffer.peekFirst());
        }

        @Override
        public synchronized boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            fetchIfEmpty();
            while (buffer.isEmpty()) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return false;
                }
                synchronized (signal) {
                    if (!appended) {
                        signal.wait(remaining);
                    }
                }
                fetchIfEmpty();
            }
            return true;
        }

        @Override
        public synchronized TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                // keep waiting: the caller asked to block until there is an event
            }
            TrackedEventMessage<?> next = buffer.pollFirst();
            last = next.trackingToken();
            return next;
        }

        private void fetchIfEmpty() {
            if (!buffer.isEmpty()) {
                return;
            }
            appended = false;
            long after = RecentReads.positionOf(last);
            if (after >= 0 && recent.takeAfter(after, FETCH_SIZE, buffer) > 0) {
                return;
            }
            List<TrackedEventMessage<?>> read = new ArrayList<>();
            try (Stream<? extends TrackedEventMessage<?>> events =
                    engine.readEvents(last, false).limit(FETCH_SIZE)) {
                for (Iterator<? extends TrackedEventMessage<?>> it = events.iterator(); it.hasNext(); ) {
                    read.add(it.next());
                }
            }
            buffer.addAll(read);
            recent.keep(read);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public void close() {
            open.remove(this);
            callback = null;
        }
    }
}
