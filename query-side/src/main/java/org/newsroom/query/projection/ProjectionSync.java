package org.newsroom.query.projection;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.jspecify.annotations.Nullable;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What keeps this instance in step with the others through MongoDB, on two threads of its own:
 * <ul>
 *   <li>every poll interval: publishes how far the segments this instance processes have written
 *       ({@link ProjectedPositions}), announces its appends when other instances are alive, and reads what the others
 *       published: the log's head (waking this instance's processors when another instance appended) and, while reads
 *       wait here, the positions they wait for;</li>
 *   <li>every heartbeat: re-reads the projections' versions and heartbeats ({@link ProjectionInstances}).</li>
 * </ul>
 */
@Component
class ProjectionSync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionSync.class);
    private static final long SOON_MILLIS = 2;

    private final Projections projections;
    private final ProjectionProcessors processors;
    private final ProjectionInstances instances;
    private final LogEventSource source;
    private final EventLogStorageEngine engine;
    private final ProjectionSettings settings;
    /** What this instance last published per projection and segment: only saves writing the same again. */
    private final Map<String, Map<Integer, Long>> published = new ConcurrentHashMap<>();
    /**
     * How far this instance appended, announced its appends, and woke its streams for the others': bookkeeping of this
     * instance's own steps; what the others need is announced in MongoDB.
     */
    private final AtomicLong appended = new AtomicLong();

    private final AtomicLong announced = new AtomicLong();
    private final AtomicLong signalled = new AtomicLong();
    private final AtomicBoolean soon = new AtomicBoolean();
    private final FailureLog positionsFailed = new FailureLog(log, "Publishing and reading projected positions");
    private final FailureLog heartbeatFailed = new FailureLog(log, "The projections' heartbeat");

    private volatile @Nullable ScheduledExecutorService fast;
    private volatile @Nullable ScheduledExecutorService slow;

    ProjectionSync(
            Projections projections,
            ProjectionProcessors processors,
            ProjectionInstances instances,
            LogEventSource source,
            EventLogStorageEngine engine,
            EmbeddedEventStore eventStore,
            ProjectionSettings settings) {
        this.projections = projections;
        this.processors = processors;
        this.instances = instances;
        this.source = source;
        this.engine = engine;
        this.settings = settings;
        eventStore.subscribe(events -> {
            appended.accumulateAndGet(engine.knownHeadPosition(), Math::max);
            runSoon();
        });
        projections.positions().afterLocalWrite(this::runSoon);
    }

    @Override
    public void start() {
        instances.heartbeat();
        ScheduledExecutorService fastThread = executor("projection-positions");
        ScheduledExecutorService slowThread = executor("projection-heartbeat");
        long poll = Math.max(1, settings.pollInterval().toMillis());
        long heartbeat = settings.heartbeatInterval().toMillis();
        fastThread.scheduleWithFixedDelay(() -> safely(this::sync, positionsFailed), poll, poll, TimeUnit.MILLISECONDS);
        slowThread.scheduleWithFixedDelay(
                () -> safely(instances::heartbeat, heartbeatFailed), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        fast = fastThread;
        slow = slowThread;
    }

    /**
     * Publishes and reads positions in a moment rather than at the next interval: after an append, and after a batch
     * (the moment lets the processor record how far the segments got).
     */
    void runSoon() {
        ScheduledExecutorService executor = fast;
        if (executor != null && soon.compareAndSet(false, true)) {
            executor.schedule(
                    () -> {
                        soon.set(false);
                        safely(this::sync, positionsFailed);
                    },
                    SOON_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void sync() {
        publishPositions();
        boolean others = instances.othersLive();
        long head = appended.get();
        if (others && head > announced.get()) {
            projections.positions().publishHead(head);
            announced.accumulateAndGet(head, Math::max);
        }
        Set<String> awaited = projections.positions().awaited();
        if (others || !awaited.isEmpty()) {
            projections.positions().poll(awaited);
            long announcedHead = projections.positions().announcedHead();
            if (announcedHead > Math.max(signalled.get(), engine.knownHeadPosition())) {
                signalled.accumulateAndGet(announcedHead, Math::max);
                source.wake();
            }
        }
        projections.positions().expire();
    }

    /** Publishes how far each segment this instance processes has written, where it got further. */
    private void publishPositions() {
        for (String name : projections.names()) {
            Map<Integer, Long> claimed = processors.claimedPositions(name);
            Map<Integer, Long> last = published.computeIfAbsent(name, key -> new ConcurrentHashMap<>());
            Map<Integer, Long> further = new TreeMap<>();
            claimed.forEach((segment, position) -> {
                if (position > last.getOrDefault(segment, -1L)) {
                    further.put(segment, position);
                }
            });
            if (!further.isEmpty()) {
                projections.positions().publish(name, further);
                last.putAll(further);
            }
        }
    }

    @Override
    public void stop() {
        for (ScheduledExecutorService executor : new ScheduledExecutorService[] {fast, slow}) {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
        fast = null;
        slow = null;
        try {
            publishPositions();
            instances.leave();
        } catch (RuntimeException e) {
            log.warn("Could not say goodbye to the other instances: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return fast != null;
    }

    /** Stops after the rebuilds and the processors, starts before them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1_000;
    }

    private static void safely(Runnable step, FailureLog failures) {
        try {
            step.run();
        } catch (RuntimeException e) {
            failures.failed(e);
        }
    }

    private static ScheduledExecutorService executor(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
