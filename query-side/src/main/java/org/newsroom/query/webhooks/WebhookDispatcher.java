package org.newsroom.query.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.newsroom.query.feed.FeedEvent;
import org.newsroom.query.feed.LiveFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Delivers every active subscription's events, each subscription strictly in position order: the event after its
 * cursor is delivered until it succeeds (cursor moves on), the endpoint answers 410 (disabled), or the last attempt
 * fails (paused); the events after it wait meanwhile. Events come from the {@link LiveFeed}'s ring, or from the log
 * for a subscription that is behind it; progress is stored after every attempt, so a restart resumes where delivery
 * stood, at worst delivering the last event again under the same {@code webhook-id}.
 */
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 100;
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    private final WebhookStore store;
    private final LiveFeed feed;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final WebhookSettings settings;
    private final Clock clock;
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();
    private final Runnable onNewEvents = this::signalAll;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public WebhookDispatcher(
            WebhookStore store,
            LiveFeed feed,
            WebhookSender sender,
            RetrySchedule schedule,
            WebhookSettings settings,
            Clock clock) {
        this.store = store;
        this.feed = feed;
        this.sender = sender;
        this.schedule = schedule;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (!settings.deliveryEnabled()) {
            log.info("Webhook delivery is disabled on this instance (newsroom.webhooks.delivery-enabled=false)");
            return;
        }
        CustomizableThreadFactory threads = new CustomizableThreadFactory("webhook-");
        threads.setDaemon(true);
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(Math.max(1, settings.workers()), threads);
        pool.setRemoveOnCancelPolicy(true);
        executor = pool;
        running = true;
        feed.addListener(onNewEvents);
        store.all().forEach(subscription -> changed(subscription.id()));
    }

    /** Lets the deliveries in flight finish (each is bounded by the request timeout), then stops. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        feed.removeListener(onNewEvents);
        workers.values().forEach(Worker::cancelTimer);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(settings.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the live feed and stops before it. */
    @Override
    public int getPhase() {
        return LiveFeed.PHASE + 1;
    }

    /** The stored subscription changed (created, redelivered, deleted): pick it up from the store. */
    public void changed(String id) {
        if (!running) {
            return;
        }
        workers.computeIfAbsent(id, Worker::new).reload();
    }

    private void signalAll() {
        workers.values().forEach(Worker::signal);
    }

    /** The positions not yet delivered, over all active subscriptions. */
    public long backlog() {
        long head = feed.head();
        return store.all().stream()
                .filter(subscription -> subscription.state() == Subscription.State.ACTIVE)
                .mapToLong(subscription -> Math.max(0, head - subscription.position()))
                .sum();
    }

    private final class Worker {

        private final String id;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean dirty = new AtomicBoolean();
        private final AtomicBoolean stale = new AtomicBoolean(true);
        /** Only touched by the one thread that runs this worker at a time. */
        private Subscription current;

        private ScheduledFuture<?> timer;

        Worker(String id) {
            this.id = id;
        }

        void reload() {
            stale.set(true);
            cancelTimer();
            signal();
        }

        void signal() {
            dirty.set(true);
            if (running && scheduled.compareAndSet(false, true)) {
                try {
                    executor.execute(this::run);
                } catch (RejectedExecutionException stopping) {
                    scheduled.set(false);
                }
            }
        }

        synchronized void cancelTimer() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private void run() {
            try {
                while (running && dirty.getAndSet(false)) {
                    deliverWhatIsDue();
                }
            } catch (RuntimeException e) {
                log.warn("Webhook {}: delivery failed unexpectedly; trying again shortly", id, e);
                stale.set(true);
                wakeAfter(AFTER_FAILURE);
            } finally {
                scheduled.set(false);
            }
            if (running && dirty.get()) {
                signal();
            }
        }

        private void deliverWhatIsDue() {
            if (stale.getAndSet(false)) {
                current = null;
            }
            Subscription subscription =
                    current != null ? current : store.find(id).orElse(null);
            if (subscription == null) {
                workers.remove(id);
                cancelTimer();
                return;
            }
            current = subscription;
            while (running && !stale.get() && subscription.state() == Subscription.State.ACTIVE) {
                Instant now = clock.instant();
                if (subscription.nextAttemptAt() != null
                        && subscription.nextAttemptAt().isAfter(now)) {
                    wakeAfter(Duration.between(now, subscription.nextAttemptAt()));
                    return;
                }
                List<FeedEvent> batch = feed.after(subscription.position(), BATCH);
                if (batch.isEmpty()) {
                    return;
                }
                FeedEvent next = null;
                long skippedTo = subscription.position();
                for (FeedEvent event : batch) {
                    if (subscription.accepts(event.type())) {
                        next = event;
                        break;
                    }
                    skippedTo = event.position();
                }
                if (skippedTo > subscription.position()) {
                    subscription = subscription.skippedTo(skippedTo);
                }
                subscription = next == null ? subscription : attempt(subscription, next);
                if (!store.save(subscription)) {
                    stale.set(true);
                    dirty.set(true);
                    return;
                }
                current = subscription;
            }
        }

        private Subscription attempt(Subscription subscription, FeedEvent event) {
            int attempt = subscription.attempts() + 1;
            Instant began = clock.instant();
            WebhookSender.Outcome outcome = sender.deliver(subscription, event);
            store.log(new DeliveryAttempt(
                    id,
                    0,
                    event.position(),
                    event.id(),
                    event.type(),
                    attempt,
                    began,
                    outcome.statusCode(),
                    outcome.error(),
                    outcome.durationMillis(),
                    outcome.outcome()));
            Instant now = clock.instant();
            if (outcome.delivered()) {
                return subscription.delivered(event.position());
            }
            if (outcome.gone()) {
                log.info("Webhook {}: {} answered 410 Gone; disabled", id, subscription.url());
                return subscription.disabled(now, outcome.error());
            }
            if (attempt >= schedule.maxAttempts()) {
                log.warn(
                        "Webhook {}: position {} failed {} times ({}); paused until a redelivery is asked for",
                        id,
                        event.position(),
                        attempt,
                        outcome.error());
                return subscription.paused(now, attempt, outcome.error());
            }
            Duration delay = schedule.delayBefore(attempt + 1, outcome.retryAfter());
            return subscription.retryAt(now.plus(delay), attempt, outcome.error());
        }

        private synchronized void wakeAfter(Duration delay) {
            cancelTimer();
            if (!running) {
                return;
            }
            try {
                timer = executor.schedule(this::signal, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                timer = null;
            }
        }
    }
}
