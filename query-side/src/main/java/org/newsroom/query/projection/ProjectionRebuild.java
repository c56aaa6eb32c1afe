package org.newsroom.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebuild of a projection: a pooled streaming processor of its own reads the log from position 0 into a fresh
 * version of the collections while the live version keeps serving. Once it has caught up with the live processor,
 * the live processor pauses, the rebuild passes the live position, the new version becomes active (reads and the
 * live processor's next batches go there; replayed events are no-ops thanks to the position guard), the old version
 * is dropped and the live processor resumes.
 * <p>
 * Articles whose events are parked in the live dead-letter queue are left out from their first parked event on, as
 * the live projection left them; retrying the letters later applies them to the new version. A rebuild's token is
 * kept in memory: a rebuild that does not finish (failure, shutdown) is thrown away and can simply be started again.
 */
final class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    private static final Duration HANDOVER_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final int version;
    private final Projections projections;
    private final ProjectionProcessors processors;
    private final LongSupplierWithRefresh head;
    private final Clock clock;
    private final Instant startedAt;
    private final Map<String, Long> parkedFrom = new HashMap<>();
    private final ExecutorService handover;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService worker;
    private final PooledStreamingEventProcessor processor;

    private volatile String state = "RUNNING";
    private volatile long done;
    private volatile long total;
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile boolean handoverRequested;
    private Instant lastLogged;

    /** The log's head: cheap to read often, refreshed from the database now and then. */
    interface LongSupplierWithRefresh {
        long known();

        long refreshed();
    }

    ProjectionRebuild(
            String name,
            Projections projections,
            ProjectionProcessors processors,
            StreamableMessageSource<TrackedEventMessage<?>> log,
            LongSupplierWithRefresh head,
            ProjectionSettings settings,
            Clock clock) {
        this.name = name;
        this.projections = projections;
        this.processors = processors;
        this.head = head;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.lastLogged = startedAt;
        this.version = projections.startBuilding(name);
        ReadModel model = projections.model(name);
        ProjectionCollections target = projections.collections(name, version);
        model.createIndexes(target);
        processors.deadLetterQueue(name).deadLetters().forEach(sequence -> {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                rememberParked(letter.message());
                break;
            }
        });
        this.total = head.refreshed();
        ProjectionWriter writer = new ProjectionWriter(
                name + "-rebuild-v" + version,
                () -> target,
                this::flushed,
                model.articleCollections(),
                model::prefetch);
        String processorName = name + "-rebuild-v" + version;
        this.handover = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, processorName + "-handover"));
        this.coordinator = Executors.newSingleThreadScheduledExecutor(
                runnable -> daemon(runnable, processorName + "-coordinator"));
        this.worker =
                Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, processorName + "-worker"));
        this.processor = PooledStreamingEventProcessor.builder()
                .name(processorName)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(model.newProjection(writer))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .errorHandler(this::failed)
                .messageSource(log)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(coordinator)
                .workerExecutor(worker)
                .initialSegmentCount(1)
                .batchSize(settings.rebuildBatchSize())
                .build();
        processor.registerHandlerInterceptor(writer.interceptor());
        processor.registerHandlerInterceptor(this::skipParked);
    }

    void start() {
        log.info(
                "Projection '{}': rebuilding into version {} from position 0 ({} events in the log)",
                name,
                version,
                total);
        processor.start();
        synchronized (this) {
            if (total == 0 && projections.positions().position(name) == 0) {
                handoverRequested = true;
                handover.execute(this::handOver);
            }
        }
    }

    boolean isFinished() {
        return finishedAt != null;
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

    private synchronized void flushed(long position) {
        done = Math.max(done, position);
        total = Math.max(total, Math.max(done, head.known()));
        notifyAll();
        Instant now = clock.instant();
        if (Duration.between(lastLogged, now).compareTo(LOG_EVERY) >= 0) {
            lastLogged = now;
            RebuildProgress progress = progress();
            log.info(
                    "Projection '{}': rebuild of version {} at {}/{} events, {} events/s, about {} s left",
                    name,
                    version,
                    progress.done(),
                    progress.total(),
                    Math.round(progress.eventsPerSecond()),
                    progress.etaSeconds());
        }
        if (!handoverRequested
                && "RUNNING".equals(state)
                && done >= projections.positions().position(name)) {
            handoverRequested = true;
            handover.execute(this::handOver);
        }
    }

    private void handOver() {
        StreamingEventProcessor live = processors.processor(name);
        state = "SWITCHING";
        try {
            live.shutDown();
            long livePosition = projections.positions().position(name);
            if (!awaitDone(livePosition)) {
                throw new IllegalStateException("the rebuild did not reach the live position " + livePosition);
            }
            projections.activate(name, version);
            processor.shutDown();
            finish("COMPLETED", null);
            log.info(
                    "Projection '{}': version {} is active, rebuilt from {} events in {} s",
                    name,
                    version,
                    done,
                    Duration.between(startedAt, finishedAt).toSeconds());
        } catch (RuntimeException e) {
            abandon("hand-over failed: " + e.getMessage());
        } finally {
            live.start();
            projections.positions().touch(name);
            handover.shutdown();
        }
    }

    private synchronized boolean awaitDone(long position) {
        long deadline = System.nanoTime() + HANDOVER_TIMEOUT.toNanos();
        while (done < position && error == null) {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) {
                return false;
            }
            try {
                wait(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return error == null;
    }

    private void failed(ErrorContext context) throws Exception {
        String message = context.error().getClass().getSimpleName() + ": "
                + context.error().getMessage();
        if (error == null) {
            log.error("Projection '{}': rebuild of version {} failed", name, version, context.error());
            handover.execute(() -> abandon(message));
        }
        synchronized (this) {
            error = message;
            notifyAll();
        }
        throw context.error() instanceof Exception e ? e : new IllegalStateException(context.error());
    }

    private void abandon(String reason) {
        if (isFinished()) {
            return;
        }
        processor.shutDown();
        projections.abandon(name, version);
        finish("FAILED", reason);
        handover.shutdown();
    }

    private synchronized void finish(String finalState, String reason) {
        coordinator.shutdown();
        worker.shutdown();
        error = reason;
        finishedAt = clock.instant();
        state = finalState;
        notifyAll();
    }

    synchronized RebuildProgress progress() {
        Instant until = finishedAt != null ? finishedAt : clock.instant();
        double seconds = Math.max(0.001, Duration.between(startedAt, until).toMillis() / 1000.0);
        double rate = done / seconds;
        Long eta = isFinished() ? Long.valueOf(0) : rate > 0 ? Long.valueOf(Math.round((total - done) / rate)) : null;
        return new RebuildProgress(name, version, state, done, total, rate, eta, startedAt, finishedAt, error);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
