package org.newsroom.query.webhooks;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.newsroom.query.feed.FeedEvent;
import org.newsroom.query.feed.FeedPage;
import org.newsroom.query.feed.LiveFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Delivers the subscriptions whose lease this instance holds, each strictly in position order and on its own: the
 * event after its cursor is delivered until it succeeds (cursor moves on), the endpoint answers 410 or has failed for
 * {@code disable-after} (disabled), or the last attempt fails (paused); the events after it wait meanwhile.
 * <p>
 * <b>One instance per subscription.</b> Every delivering instance polls the subscriptions every
 * {@code poll-interval}: it takes the lease of each active subscription that nobody holds or whose lease expired (one
 * conditional update: of several instances exactly one wins), notices those changed through other instances (their
 * {@code generation}) or deleted, and lets go of those whose lease it lost. Leases are renewed every third of
 * {@code lease}; an instance that cannot renew stops sending before its lease can expire, and one that dies is
 * replaced within {@code lease}. Progress is stored after every attempt, only by the lease holder and only forward, so
 * a takeover repeats at most the attempt that was in flight, under the same {@code webhook-id}.
 * <p>
 * <b>No head-of-line blocking.</b> Each subscription's deliveries run one at a time on a pool with a thread per held
 * lease, each attempt bounded by {@code timeout}: a slow or dead endpoint holds up its own subscription only. Events
 * come from the subscription's {@link WebhookFeed}: for the integration feed the {@link LiveFeed}'s ring, or the log
 * for a subscription that is behind it; positions a feed passes without an event move the cursor on unsent.
 */
public class WebhookDispatcher implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 100;
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    private final WebhookStore store;
    private final LiveFeed feed;
    private final Map<Subscription.Feed, WebhookFeed> feeds = new EnumMap<>(Subscription.Feed.class);
    private final WebhookSender sender;
    private final SecretBox secrets;
    private final RetrySchedule schedule;
    private final WebhookSettings settings;
    private final Clock clock;
    /** Leases are about elapsed time between instances, never the application clock (which tests may move). */
    private final Clock leaseClock = Clock.systemUTC();

    private final ScheduledExecutorService timers;
    private final Consumer<String> onDisabled;
    private final String instance;
    /**
     * This instance's own view of the leases it holds; the leases themselves live in MongoDB, where every other
     * instance sees them, so nothing here needs sharing.
     */
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();

    private final Runnable onNewEvents = this::signalAll;
    private @Nullable ThreadPoolExecutor deliveries;
    private @Nullable ScheduledFuture<?> poller;
    private @Nullable ScheduledFuture<?> renewer;
    private volatile boolean running;

    /**
     * @param feeds      what each {@link Subscription.Feed} delivers
     * @param timers     runs the polls, the lease renewals, the retry timers and the sender's deadlines; stopped with
     *                   the dispatcher
     * @param onDisabled told the reason ({@link Subscription#GONE}, {@link Subscription#FAILING}) of every disabling
     */
    public WebhookDispatcher(
            WebhookStore store,
            LiveFeed feed,
            List<WebhookFeed> feeds,
            WebhookSender sender,
            SecretBox secrets,
            RetrySchedule schedule,
            WebhookSettings settings,
            Clock clock,
            ScheduledExecutorService timers,
            Consumer<String> onDisabled) {
        this.store = store;
        this.feed = feed;
        feeds.forEach(each -> this.feeds.put(each.feed(), each));
        this.sender = sender;
        this.secrets = secrets;
        this.schedule = schedule;
        this.settings = settings;
        this.clock = clock;
        this.timers = timers;
        this.onDisabled = onDisabled;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This instance's name in the leases it takes. */
    public String instance() {
        return instance;
    }

    @Override
    public synchronized void start() {
        if (!settings.deliveryEnabled()) {
            log.info("Webhook delivery is disabled on this instance (newsroom.webhooks.delivery-enabled=false): it"
                    + " takes no lease, and other instances deliver");
            return;
        }
        CustomizableThreadFactory threads = new CustomizableThreadFactory("webhook-");
        threads.setDaemon(true);
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        deliveries = pool;
        running = true;
        feed.addListener(onNewEvents);
        long pollMillis = Math.max(50, settings.pollInterval().toMillis());
        long renewMillis = Math.max(50, settings.lease().toMillis() / 3);
        poller = timers.scheduleWithFixedDelay(this::pollQuietly, 0, pollMillis, TimeUnit.MILLISECONDS);
        renewer = timers.scheduleWithFixedDelay(this::renewQuietly, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
        log.info(
                "Webhook delivery on: instance {}, leases of {}, polled every {}",
                instance,
                settings.lease(),
                settings.pollInterval());
    }

    /**
     * Lets the deliveries in flight finish (each is bounded by the request timeout), then gives up this instance's
     * leases so that another instance takes them over at once.
     */
    @Override
    public void stop() {
        ThreadPoolExecutor pool;
        synchronized (this) {
            if (!running) {
                shutDownTimers();
                return;
            }
            running = false;
            pool = deliveries;
        }
        feed.removeListener(onNewEvents);
        cancel(poller);
        cancel(renewer);
        workers.values().forEach(Worker::cancelTimer);
        if (pool != null) {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(settings.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        for (String id : List.copyOf(workers.keySet())) {
            try {
                store.release(id, instance);
            } catch (RuntimeException e) {
                log.warn("Webhook {}: could not give up its lease; it expires in {}", id, settings.lease(), e);
            }
        }
        workers.clear();
        shutDownTimers();
    }

    private void shutDownTimers() {
        timers.shutdownNow();
        sender.close();
    }

    /** An instance that never delivered was never started, and so is never stopped: its threads end here. */
    @Override
    public void destroy() {
        shutDownTimers();
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

    /**
     * The stored subscription changed through this instance (created, redelivered, deleted): act at once rather than
     * at the next poll, taking its lease if nobody holds it.
     */
    public void changed(String id) {
        if (!running) {
            return;
        }
        Worker worker = workers.get(id);
        if (worker != null) {
            worker.reload();
            return;
        }
        try {
            timers.execute(() -> tryAcquire(id));
        } catch (RejectedExecutionException stopping) {
            log.debug("not taking the lease of {}: stopping", id);
        }
    }

    /** The subscriptions whose lease this instance holds. */
    public Set<String> held() {
        return Set.copyOf(workers.keySet());
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

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Webhooks: looking for changed subscriptions and free leases failed; trying again", e);
        }
    }

    private void poll() {
        if (!running) {
            return;
        }
        Instant now = leaseClock.instant();
        Set<String> present = new HashSet<>();
        for (WebhookStore.Listed listed : store.list()) {
            present.add(listed.id());
            Worker worker = workers.get(listed.id());
            if (worker != null) {
                if (!instance.equals(listed.leaseOwner())) {
                    log.info(
                            "Webhook {}: its lease went to {}; no longer delivering it here",
                            listed.id(),
                            listed.leaseOwner());
                    worker.stop(false);
                } else if (listed.generation() != worker.generation) {
                    worker.reload();
                }
            } else if (listed.state() == Subscription.State.ACTIVE
                    && (listed.leaseOwner() == null
                            || instance.equals(listed.leaseOwner())
                            || listed.leaseUntil() == null
                            || listed.leaseUntil().isBefore(now))) {
                tryAcquire(listed.id());
            }
        }
        for (Worker worker : List.copyOf(workers.values())) {
            if (!present.contains(worker.id)) {
                worker.stop(false);
            }
        }
    }

    private void tryAcquire(String id) {
        if (!running || workers.containsKey(id)) {
            return;
        }
        long began = System.nanoTime();
        Instant now = leaseClock.instant();
        if (!store.acquire(id, instance, now, now.plus(settings.lease()))) {
            return;
        }
        Worker worker = new Worker(id, validUntil(began));
        if (workers.putIfAbsent(id, worker) == null) {
            resizePool();
            log.debug("Webhook {}: lease taken by {}", id, instance);
            worker.reload();
        }
    }

    private void renewQuietly() {
        for (Worker worker : List.copyOf(workers.values())) {
            long began = System.nanoTime();
            try {
                if (store.renew(worker.id, instance, leaseClock.instant().plus(settings.lease()))) {
                    worker.leaseRenewed(validUntil(began));
                } else {
                    log.info("Webhook {}: its lease was lost; no longer delivering it here", worker.id);
                    worker.stop(false);
                }
            } catch (RuntimeException e) {
                log.warn("Webhook {}: renewing its lease failed; delivery waits until it is renewed", worker.id, e);
            }
        }
    }

    /**
     * Until when, on this instance's monotonic clock, a lease renewed at {@code began} may be relied on: two thirds
     * of it, so that a missed renewal stops delivery a third of a lease before any other instance may take over.
     */
    private long validUntil(long began) {
        return began + settings.lease().toNanos() * 2 / 3;
    }

    private synchronized void resizePool() {
        ThreadPoolExecutor pool = deliveries;
        if (pool == null || pool.isShutdown()) {
            return;
        }
        int size = Math.max(1, workers.size());
        if (size > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size);
        } else {
            pool.setCorePoolSize(size);
            pool.setMaximumPoolSize(size);
        }
    }

    private static void cancel(@Nullable ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    private final class Worker {

        private final String id;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean dirty = new AtomicBoolean();
        private final AtomicBoolean stale = new AtomicBoolean(true);
        private volatile boolean stopped;
        private volatile long leaseValidUntil;
        /** The generation last loaded, for the poll to compare with the stored one. */
        private volatile long generation = -1;
        /** Only touched by the one thread that runs this worker at a time. */
        private @Nullable Subscription current;

        private @Nullable String secret;
        private @Nullable ScheduledFuture<?> timer;

        Worker(String id, long leaseValidUntil) {
            this.id = id;
            this.leaseValidUntil = leaseValidUntil;
        }

        void leaseRenewed(long validUntil) {
            boolean wasWaiting = !leaseValid();
            leaseValidUntil = validUntil;
            if (wasWaiting) {
                signal();
            }
        }

        boolean leaseValid() {
            return System.nanoTime() - leaseValidUntil < 0;
        }

        void reload() {
            stale.set(true);
            cancelTimer();
            signal();
        }

        void signal() {
            dirty.set(true);
            ThreadPoolExecutor pool = deliveries;
            if (running && !stopped && pool != null && scheduled.compareAndSet(false, true)) {
                try {
                    pool.execute(this::run);
                } catch (RejectedExecutionException stopping) {
                    scheduled.set(false);
                }
            }
        }

        /** Stops delivering here; {@code release} gives the lease up, for a subscription that is not active. */
        void stop(boolean release) {
            stopped = true;
            cancelTimer();
            if (workers.remove(id, this)) {
                resizePool();
            }
            if (release) {
                store.release(id, instance);
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
                while (running && !stopped && dirty.getAndSet(false)) {
                    deliverWhatIsDue();
                }
            } catch (RuntimeException e) {
                log.warn("Webhook {}: delivery failed unexpectedly; trying again shortly", id, e);
                stale.set(true);
                wakeAfter(AFTER_FAILURE);
            } finally {
                scheduled.set(false);
            }
            if (running && !stopped && dirty.get()) {
                signal();
            }
        }

        private void deliverWhatIsDue() {
            if (stale.getAndSet(false)) {
                current = null;
                secret = null;
            }
            Subscription subscription = current;
            if (subscription == null) {
                Optional<Subscription> held = store.findHeld(id, instance);
                if (held.isEmpty()) {
                    stop(false);
                    return;
                }
                subscription = held.get();
                generation = subscription.generation();
                current = subscription;
            }
            while (running && !stopped && !stale.get() && subscription.state() == Subscription.State.ACTIVE) {
                if (!leaseValid()) {
                    wakeAfter(settings.pollInterval());
                    return;
                }
                Instant now = clock.instant();
                if (subscription.nextAttemptAt() != null
                        && subscription.nextAttemptAt().isAfter(now)) {
                    wakeAfter(Duration.between(now, subscription.nextAttemptAt()));
                    return;
                }
                WebhookFeed source = feeds.get(subscription.feed());
                if (source == null) {
                    log.error("Webhook {}: no {} feed on this instance; nothing delivered", id, subscription.feed());
                    return;
                }
                FeedPage batch = source.after(subscription.position(), BATCH);
                FeedEvent next = null;
                long skippedTo = subscription.position();
                for (FeedEvent event : batch.events()) {
                    if (subscription.accepts(event.type())) {
                        next = event;
                        break;
                    }
                    skippedTo = event.position();
                }
                if (next == null) {
                    skippedTo = Math.max(skippedTo, batch.next());
                    if (skippedTo <= subscription.position()) {
                        return;
                    }
                }
                if (skippedTo > subscription.position()) {
                    subscription = subscription.skippedTo(skippedTo);
                }
                subscription = next == null ? subscription : attempt(subscription, next);
                if (!store.save(subscription, instance)) {
                    stale.set(true);
                    dirty.set(true);
                    return;
                }
                current = subscription;
            }
            if (!stale.get() && subscription.state() != Subscription.State.ACTIVE) {
                stop(true);
            }
        }

        private WebhookSender.Outcome send(Subscription subscription, FeedEvent event) {
            try {
                if (secret == null) {
                    secret = secrets.open(id, subscription.sealedSecret());
                }
            } catch (SecretBox.Unreadable unreadable) {
                log.error("Webhook {}: {}", id, unreadable.getMessage());
                return new WebhookSender.Outcome("failed", null, unreadable.getMessage(), null, 0);
            }
            return sender.deliver(subscription.url(), secret, event);
        }

        private Subscription attempt(Subscription subscription, FeedEvent event) {
            int attempt = subscription.attempts() + 1;
            Instant began = clock.instant();
            WebhookSender.Outcome outcome = send(subscription, event);
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
            String error = outcome.error() == null ? outcome.outcome() : outcome.error();
            if (outcome.gone()) {
                log.warn(
                        "Webhook {}: {} answered 410 Gone; disabled until a redelivery is asked for",
                        id,
                        subscription.url());
                onDisabled.accept(Subscription.GONE);
                return subscription.disabled(now, attempt, Subscription.GONE, error);
            }
            Instant failingSince = subscription.failingSince() != null ? subscription.failingSince() : began;
            if (Duration.between(failingSince, now).compareTo(settings.disableAfter()) >= 0) {
                String reason = "failing without a break since " + failingSince + " (newsroom.webhooks.disable-after "
                        + settings.disableAfter() + "); last error: " + error;
                log.warn("Webhook {}: {} disabled until a redelivery is asked for: {}", id, subscription.url(), reason);
                onDisabled.accept(Subscription.FAILING);
                return subscription.disabled(now, attempt, Subscription.FAILING, reason);
            }
            if (attempt >= schedule.maxAttempts()) {
                log.warn(
                        "Webhook {}: position {} failed {} times ({}); paused until a redelivery is asked for",
                        id,
                        event.position(),
                        attempt,
                        error);
                return subscription.paused(now, attempt, error);
            }
            Duration delay = schedule.delayBefore(attempt + 1, outcome.retryAfter());
            return subscription.retryAt(now.plus(delay), attempt, error, began);
        }

        private synchronized void wakeAfter(Duration delay) {
            cancelTimer();
            if (!running || stopped) {
                return;
            }
            try {
                timer = timers.schedule(this::signal, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                timer = null;
            }
        }
    }
}
