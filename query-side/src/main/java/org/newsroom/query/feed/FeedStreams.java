package org.newsroom.query.feed;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream's subscribers. Each subscriber has a cursor, the position of the last event it was sent; whenever
 * the {@link LiveFeed} reports new events, each subscriber is sent, in order, every event after its cursor, taken
 * from the feed's ring (or from the log while it is behind the ring). A subscriber that resumes from a position thus
 * catches up and then continues live, with no gap and no duplicate, and no subscriber reads the log on its own once
 * it is live.
 */
public class FeedStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedStreams.class);
    private static final int BATCH = 500;

    private final LiveFeed feed;
    private final FeedSettings.Stream settings;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Runnable onNewEvents = this::signalAll;
    private ExecutorService writers;
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    public FeedStreams(LiveFeed feed, FeedSettings settings) {
        this.feed = feed;
        this.settings = settings.stream();
    }

    @Override
    public synchronized void start() {
        writers = Executors.newFixedThreadPool(Math.max(1, settings.writers()), daemonThreads("feed-stream-"));
        heartbeats = Executors.newSingleThreadScheduledExecutor(daemonThreads("feed-heartbeat-"));
        long every = settings.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        feed.addListener(onNewEvents);
        running = true;
    }

    static CustomizableThreadFactory daemonThreads(String prefix) {
        CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
    }

    /** Ends every open stream first, so that a graceful shutdown does not wait for them. */
    @Override
    public synchronized void stop() {
        running = false;
        feed.removeListener(onNewEvents);
        subscribers.forEach(subscriber -> subscriber.emitter.complete());
        subscribers.clear();
        heartbeats.shutdownNow();
        writers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first: streams are ended before the web server waits for open requests. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }

    /**
     * A stream of every event after {@code after}, then of every new event, until the client goes or time is up: the
     * whole CloudEvents with {@code payloads}, else their {@linkplain FeedEvent#summary() summaries}.
     */
    public SseEmitter subscribe(long after, boolean payloads) throws IOException {
        SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
        Subscriber subscriber = new Subscriber(emitter, after, payloads);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(error -> subscribers.remove(subscriber));
        emitter.send(SseEmitter.event()
                .reconnectTime(settings.retry().toMillis())
                .comment("news.article CloudEvents after position " + after));
        subscribers.add(subscriber);
        subscriber.signal();
        return emitter;
    }

    /** How many clients are connected now. */
    public int subscriberCount() {
        return subscribers.size();
    }

    private void signalAll() {
        subscribers.forEach(Subscriber::signal);
    }

    private void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | RuntimeException e) {
                // any failure ends that subscriber only: one escaping here would cancel the heartbeats of every stream
                subscriber.gone(e);
            }
        }
    }

    private final class Subscriber {

        private final SseEmitter emitter;
        private final boolean payloads;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean dirty = new AtomicBoolean();
        private long sent;

        Subscriber(SseEmitter emitter, long after, boolean payloads) {
            this.emitter = emitter;
            this.sent = after;
            this.payloads = payloads;
        }

        void signal() {
            dirty.set(true);
            if (running && scheduled.compareAndSet(false, true)) {
                try {
                    writers.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    scheduled.set(false);
                }
            }
        }

        private void drain() {
            try {
                while (dirty.getAndSet(false)) {
                    sendEverythingAfterCursor();
                }
            } catch (IOException | IllegalStateException e) {
                gone(e);
                return;
            } catch (RuntimeException e) {
                log.warn("A stream subscriber failed after position {}", sent, e);
                gone(e);
                return;
            } finally {
                scheduled.set(false);
            }
            if (dirty.get()) {
                signal();
            }
        }

        private void sendEverythingAfterCursor() throws IOException {
            while (subscribers.contains(this)) {
                List<FeedEvent> batch = feed.after(sent, BATCH);
                if (batch.isEmpty()) {
                    return;
                }
                for (FeedEvent event : batch) {
                    emitter.send(SseEmitter.event()
                            .id(Long.toString(event.position()))
                            .data(payloads ? event.json() : event.summary()));
                    sent = event.position();
                }
            }
        }

        void gone(Exception cause) {
            if (subscribers.remove(this)) {
                log.debug("Stream subscriber gone after position {}: {}", sent, cause.toString());
                try {
                    emitter.complete();
                } catch (RuntimeException alreadyEnded) {
                    // the container ended the request when the connection failed; thrown from here, this escaped the
                    // writer (into whichever thread ran it) or the heartbeat loop (cancelling every stream's heartbeat)
                    log.debug("Stream subscriber's request already ended: {}", alreadyEnded.toString());
                }
            }
        }
    }
}
