package org.newsroom.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebuild of a projection as run by the instance holding its lease ({@link ProjectionRebuilds}): a pooled
 * streaming processor of its own reads the log from position 0 into a new version while the active one serves, and
 * the live batches of every instance go into the new version too once their segment is attached ({@link
 * ProjectionVersions}, {@link RebuildMarks}).
 * <p>
 * The steps, each taken by {@link #tick()} once the previous one is done:
 * <ol>
 *   <li>building: once every live instance knows of the new version, the highest position any live segment has
 *       written is noted; what was written before only into the old version lies at or below it. A live batch is
 *       copied into the new version only once its segment is attached, the rebuild having passed everything the
 *       segment wrote without it ({@link RebuildMarks});</li>
 *   <li>switching: once the rebuild has passed that position and the log's head, and every segment is attached, the
 *       new version becomes active by
 *       compare-and-set, its processor stops (the live writes keep it current), and the old version, still written,
 *       keeps serving the instances that have not moved yet;</li>
 *   <li>once every live instance serves the new version, the old one is no longer written; once every live instance
 *       has stopped writing it, it is dropped and the rebuild is complete.</li>
 * </ol>
 * Articles whose events are parked in the live dead-letter queue are left out from their first parked event on, as
 * the live projection left them; retrying the letters later applies them to every written version. The rebuild's
 * token is kept in memory: an instance that takes a rebuild over starts it again from position 0, into the same
 * version (every write being guarded by position, what is there already is simply passed).
 */
final class ProjectionRebuild {

    static final String RUNNING = "RUNNING";
    static final String SWITCHING = "SWITCHING";
    static final String COMPLETED = "COMPLETED";
    static final String FAILED = "FAILED";

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    /** What a rebuild needs of the instance that runs it. */
    interface Instance {
        /** Whether every live instance writes {@code projection} under {@code epoch} or later. */
        boolean allAt(String projection, long epoch);

        /** Re-reads the versions and says in this instance's heartbeat which epoch it writes under. */
        void heartbeat();

        /** The log's head, read from the database. */
        long head();

        /** The log's head as this instance knows it, without asking. */
        long knownHead();

        /** Asks for {@link #tick()} soon. */
        void kick();
    }

    private final String name;
    private final int version;
    private final int previous;
    private final Projections projections;
    private final ProjectionProcessors processors;
    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final ProjectionSettings settings;
    private final Instance instance;
    private final RebuildLease lease;
    private final Clock clock;
    private final Instant runStartedAt;
    private final Map<String, Long> parkedFrom = new HashMap<>();

    private @Nullable PooledStreamingEventProcessor processor;
    private @Nullable ScheduledExecutorService coordinator;
    private @Nullable ScheduledExecutorService worker;
    private volatile String state;
    private volatile long done;
    private volatile long total;
    private volatile double eventsPerSecond;
    private volatile @Nullable String error;
    private volatile boolean finished;
    private final long buildingEpoch;
    private volatile @Nullable Long liveMark;
    private @Nullable Long activatedEpoch;
    private @Nullable Long retiredEpoch;
    private Instant lastLogged;

    ProjectionRebuild(
            RebuildLease.Held held,
            Projections projections,
            ProjectionProcessors processors,
            StreamableMessageSource<TrackedEventMessage<?>> source,
            ProjectionSettings settings,
            Instance instance,
            RebuildLease lease,
            Clock clock) {
        this.name = held.projection();
        this.version = held.version();
        this.previous = held.previous();
        this.state = held.state();
        this.buildingEpoch = held.buildingEpoch();
        this.activatedEpoch = held.activatedEpoch();
        this.retiredEpoch = held.retiredEpoch();
        this.total = held.total();
        this.done = RUNNING.equals(state) ? 0 : held.done();
        this.eventsPerSecond = RUNNING.equals(state) ? 0 : held.eventsPerSecond();
        this.projections = projections;
        this.processors = processors;
        this.source = source;
        this.settings = settings;
        this.instance = instance;
        this.lease = lease;
        this.clock = clock;
        this.runStartedAt = clock.instant();
        this.lastLogged = runStartedAt;
    }

    void start() {
        if (!RUNNING.equals(state)) {
            log.info("Projection '{}': carrying on with the switch to version {}", name, version);
            return;
        }
        ReadModel model = projections.model(name);
        ProjectionCollections target = projections.indexed(name, version);
        processors.deadLetterQueue(name).deadLetters().forEach(sequence -> {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                rememberParked(letter.message());
                break;
            }
        });
        total = Math.max(total, instance.head());
        String processorName = name + "-rebuild-v" + version;
        ProjectionWriter writer = new ProjectionWriter(
                processorName,
                ProjectionWriter.Targets.only(() -> target),
                this::flushed,
                model.articleCollections(),
                model::prefetch);
        coordinator = Executors.newSingleThreadScheduledExecutor(
                runnable -> daemon(runnable, processorName + "-coordinator"));
        worker = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, processorName + "-worker"));
        processor = PooledStreamingEventProcessor.builder()
                .name(processorName)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(model.newProjection(writer))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .errorHandler(this::failed)
                .messageSource(source)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(coordinator)
                .workerExecutor(worker)
                .initialSegmentCount(1)
                .batchSize(settings.rebuildBatchSize())
                .build();
        processor.registerHandlerInterceptor(writer.interceptor());
        processor.registerHandlerInterceptor(this::skipParked);
        log.info(
                "Projection '{}': rebuilding into version {} from position 0 ({} events in the log)",
                name,
                version,
                total);
        processor.start();
    }

    boolean isFinished() {
        return finished;
    }

    /** Takes the next step if it is due, and renews the lease with the progress; on the rebuilds' own thread. */
    void tick() {
        if (finished) {
            return;
        }
        if (!lease.renew(name, progressDocument())) {
            log.warn("Projection '{}': the rebuild of version {} is held by another instance now", name, version);
            stopProcessor();
            finished = true;
            return;
        }
        try {
            if (RUNNING.equals(state)) {
                build();
            }
            if (SWITCHING.equals(state)) {
                switchOver();
            }
        } catch (RuntimeException e) {
            log.warn("Projection '{}': rebuild step failed, trying again: {}", name, e.toString());
        }
    }

    private void build() {
        if (error != null) {
            abandon(error);
            return;
        }
        if (liveMark == null && instance.allAt(name, buildingEpoch)) {
            liveMark = projections.positions().highestWritten(name);
            log.info(
                    "Projection '{}': every instance writes version {}; live segments had written up to {}",
                    name,
                    version,
                    liveMark);
        }
        if (liveMark == null || done < liveMark || done < instance.knownHead()) {
            return;
        }
        long head = instance.head();
        if (done < head) {
            total = Math.max(total, head);
            return;
        }
        if (!projections
                .marks()
                .attach(name, version, projections.positions().segments(name).keySet(), done)) {
            // a live segment wrote past the rebuild without the new version: the rebuild passes that first
            return;
        }
        ProjectionVersions.View activated = projections.versions().activate(name, version);
        if (activated == null) {
            abandon("the versions of projection '" + name + "' changed during the rebuild");
            return;
        }
        activatedEpoch = activated.epoch();
        total = done;
        state = SWITCHING;
        stopProcessor();
        instance.heartbeat();
        lease.save(name, progressDocument());
        log.info(
                "Projection '{}': version {} is active, rebuilt from {} events in {} s; version {} is still written"
                        + " until every instance has moved",
                name,
                version,
                done,
                Duration.between(runStartedAt, clock.instant()).toSeconds(),
                previous);
    }

    private void switchOver() {
        if (retiredEpoch == null) {
            if (activatedEpoch == null || !instance.allAt(name, activatedEpoch)) {
                return;
            }
            ProjectionVersions.View retired = projections.versions().retireAllBut(name, version);
            ProjectionVersions.View now =
                    retired != null ? retired : projections.versions().read(name);
            if (now.active() != version || !now.writing().equals(List.of(version))) {
                return;
            }
            retiredEpoch = now.epoch();
            instance.heartbeat();
            lease.save(name, progressDocument());
        }
        if (!instance.allAt(name, retiredEpoch)) {
            return;
        }
        projections.dropAllBut(name, Set.of(version), version);
        finish(COMPLETED, null);
        log.info("Projection '{}': every instance serves version {}; the rebuild is complete", name, version);
    }

    private void abandon(String reason) {
        stopProcessor();
        projections.versions().abandon(name, version);
        instance.heartbeat();
        finish(FAILED, reason);
        log.error("Projection '{}': rebuild of version {} given up: {}", name, version, reason);
    }

    private void finish(String finalState, @Nullable String reason) {
        state = finalState;
        error = reason;
        lease.finish(name, progressDocument(), clock.instant());
        projections.marks().forget(name, version);
        finished = true;
    }

    /** Stops this instance's run without touching the versions: the lease is released for another instance. */
    void stop() {
        stopProcessor();
        finished = true;
    }

    private void stopProcessor() {
        PooledStreamingEventProcessor running = processor;
        if (running != null) {
            processor = null;
            running.shutDown();
        }
        if (coordinator != null) {
            coordinator.shutdown();
        }
        if (worker != null) {
            worker.shutdown();
        }
    }

    private void rememberParked(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> event) {
            long position = message instanceof TrackedEventMessage<?> ? EventContext.positionOf(message) : 0;
            parkedFrom.merge(event.getAggregateIdentifier(), position, Math::min);
        }
    }

    private Object skipParked(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        EventMessage<?> message = unitOfWork.getMessage();
        if (message instanceof DomainEventMessage<?> event) {
            Long from = parkedFrom.get(event.getAggregateIdentifier());
            if (from != null && EventContext.positionOf(message) >= from) {
                return null;
            }
        }
        return chain.proceed();
    }

    private void flushed(long position) {
        done = Math.max(done, position);
        projections.marks().rebuilt(name, version, done);
        total = Math.max(total, Math.max(done, instance.knownHead()));
        Instant now = clock.instant();
        if (Duration.between(lastLogged, now).compareTo(LOG_EVERY) >= 0) {
            lastLogged = now;
            RebuildLease.Progress progress = progressDocument();
            log.info(
                    "Projection '{}': rebuild of version {} at {}/{} events, {} events/s, about {} s left",
                    name,
                    version,
                    progress.done(),
                    progress.total(),
                    Math.round(progress.eventsPerSecond()),
                    progress.etaSeconds());
        }
        Long mark = liveMark;
        if (mark != null && done >= mark && done >= instance.knownHead()) {
            instance.kick();
        }
    }

    private void failed(ErrorContext context) throws Exception {
        String message = context.error().getClass().getSimpleName() + ": "
                + context.error().getMessage();
        if (error == null) {
            log.error("Projection '{}': rebuild of version {} failed", name, version, context.error());
            error = message;
            instance.kick();
        }
        throw context.error() instanceof Exception e ? e : new IllegalStateException(context.error());
    }

    private RebuildLease.Progress progressDocument() {
        if (RUNNING.equals(state)) {
            double seconds = Math.max(
                    0.001, Duration.between(runStartedAt, clock.instant()).toMillis() / 1000.0);
            eventsPerSecond = done / seconds;
        }
        double rate = eventsPerSecond;
        Long eta = !RUNNING.equals(state)
                ? Long.valueOf(0)
                : rate > 0 ? Long.valueOf(Math.round((total - done) / rate)) : null;
        return new RebuildLease.Progress(state, done, total, rate, eta, error, activatedEpoch, retiredEpoch);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
