package org.newsroom.query.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The one reader of the log's tail for the whole feed. It follows Axon's event store (woken at once by local appends,
 * polling for other instances' appends), keeps the recent events in a ring and tells its listeners when the log has
 * grown; stream subscribers, webhooks and the Kafka publisher then take what they need from the ring, and only a
 * reader further behind than the ring reads the log itself. Hundreds of subscribers therefore cost one reader.
 */
public class LiveFeed implements SmartLifecycle {

    /** Started before the web server and the deliveries that use it, stopped after them. */
    public static final int PHASE = DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    private static final int CATCH_UP_SCAN = Integer.MAX_VALUE;

    private final EmbeddedEventStore eventStore;
    private final EventLogStorageEngine engine;
    private final FeedLog feedLog;
    private final ArticleCloudEvents envelopes;
    private final FeedSettings settings;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong streamsOpened = new AtomicLong();

    private volatile RecentEvents recent;
    private volatile boolean running;
    private Thread tail;

    public LiveFeed(
            EmbeddedEventStore eventStore,
            EventLogStorageEngine engine,
            FeedLog feedLog,
            ArticleCloudEvents envelopes,
            FeedSettings settings) {
        this.eventStore = eventStore;
        this.engine = engine;
        this.feedLog = feedLog;
        this.envelopes = envelopes;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        recent = new RecentEvents(settings.stream().bufferSize(), engine.headPosition());
        running = true;
        tail = new Thread(this::follow, "feed-tail");
        tail.setDaemon(true);
        tail.start();
    }

    private void follow() {
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> stream =
                    eventStore.openStream(new GlobalSequenceTrackingToken(recent.newest()))) {
                streamsOpened.incrementAndGet();
                while (running) {
                    if (stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                        int taken = 0;
                        do {
                            recent.append(envelopes.toFeedEvent(stream.nextAvailable()));
                        } while (++taken < 1_000 && stream.hasNextAvailable());
                        listeners.forEach(Runnable::run);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Reading the tail of the event log failed; reopening after position {}", recent.newest(), e);
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (tail != null) {
            tail.interrupt();
            try {
                tail.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tail = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Called, on the reader's thread, each time the log has grown: listeners hand the work to their own threads. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** The position of the newest event this reader has seen. */
    public long head() {
        return recent.newest();
    }

    /**
     * Up to {@code max} events after {@code position}, in order: from memory when the ring still holds them, otherwise
     * from the log. Empty when there is nothing newer yet.
     */
    public List<FeedEvent> after(long position, int max) {
        List<FeedEvent> fromMemory = recent.after(position, max);
        if (fromMemory != null) {
            return fromMemory;
        }
        return feedLog.read(position, max, CATCH_UP_SCAN, FeedFilter.ALL, recent.newest())
                .events();
    }

    /** A page of the feed: {@code limit} matching events at most, {@code scanLimit} positions examined at most. */
    public FeedPage page(long after, int limit, int scanLimit, FeedFilter filter) {
        long head = Math.max(recent.newest(), engine.knownHeadPosition());
        if (after >= head) {
            return FeedPage.empty(after);
        }
        List<FeedEvent> fromMemory = recent.after(after, filter.isAll() ? limit : scanLimit);
        if (fromMemory == null || fromMemory.isEmpty()) {
            return feedLog.read(after, limit, scanLimit, filter, head);
        }
        List<FeedEvent> matching = new java.util.ArrayList<>();
        long last = after;
        for (FeedEvent event : fromMemory) {
            if (matching.size() == limit) {
                break;
            }
            last = event.position();
            if (filter.matches(event)) {
                matching.add(event);
            }
        }
        return new FeedPage(matching, last);
    }

    /** How many times the tail of the log has been opened: once, unless reading it failed. A test hook. */
    public long streamsOpened() {
        return streamsOpened.get();
    }

    /** How many times a reader behind the ring had to read the log. A test hook. */
    public long logReads() {
        return feedLog.reads();
    }
}
