package org.newsroom.query.projection;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Gives a projection's handlers the batch of the unit of work they run in, and writes it.
 * <p>
 * A pooled streaming processor hands a batch of events to one {@link BatchingUnitOfWork}, and stores its token in the
 * prepare-commit phase. The batch is written by {@link #interceptor()} while the last event of the batch is handled,
 * so before the token: a crash in between replays the batch, which the position guard turns into no-ops. Outside a
 * processor (a dead letter retried, a test calling a handler) each event is written as soon as it is handled.
 */
public final class ProjectionWriter {

    private final String resourceKey;
    private final Targets targets;
    private final LongConsumer flushed;
    private final List<String> articleCollections;
    private final BiConsumer<ProjectionBatch, List<? extends EventMessage<?>>> prefetch;

    /**
     * @param name    the projection's name, unique per writer in a unit of work
     * @param target  where the next batch reads and writes
     * @param flushed told the position of the last event of each batch once it is written
     */
    public ProjectionWriter(String name, Supplier<ProjectionCollections> target, LongConsumer flushed) {
        this(name, Targets.only(target), flushed, List.of(), (batch, events) -> {});
    }

    /** Where a writer's batches read, and where what they computed is written. */
    public interface Targets {

        /** The version a new batch reads from. */
        ProjectionCollections read();

        /** Writes the batch, which read from {@code batch.target()}, into every version that must have it. */
        void write(ProjectionBatch batch);

        /** One version, read and written. */
        static Targets only(Supplier<ProjectionCollections> target) {
            return new Targets() {
                @Override
                public ProjectionCollections read() {
                    return target.get();
                }

                @Override
                public void write(ProjectionBatch batch) {
                    batch.flush();
                }
            };
        }
    }

    /**
     * @param articleCollections collections keyed by article id whose documents of a whole batch are read at once,
     *                           before its first event ({@link ReadModel#articleCollections()})
     * @param prefetch           reads what else a batch will look up, before its first event ({@link ReadModel#prefetch})
     */
    public ProjectionWriter(
            String name,
            Targets targets,
            LongConsumer flushed,
            List<String> articleCollections,
            BiConsumer<ProjectionBatch, List<? extends EventMessage<?>>> prefetch) {
        this.articleCollections = List.copyOf(articleCollections);
        this.prefetch = prefetch;
        this.resourceKey = ProjectionWriter.class.getName() + "." + name + "." + System.identityHashCode(this);
        this.targets = targets;
        this.flushed = flushed;
    }

    /** The version a new batch reads from: the live projection's follows the active version. */
    public ProjectionCollections target() {
        return targets.read();
    }

    /**
     * Applies one event's change. {@code change} reads through the batch and stages whole documents; if it fails,
     * nothing it staged is kept.
     */
    public void change(Consumer<ProjectionBatch> change) {
        boolean inUnitOfWork = CurrentUnitOfWork.isStarted();
        ProjectionBatch batch = inUnitOfWork ? batchOf(CurrentUnitOfWork.get()) : new ProjectionBatch(targets.read());
        try {
            change.accept(batch);
            batch.commitChange();
        } catch (RuntimeException e) {
            batch.discardChange();
            throw e;
        }
        if (!inUnitOfWork) {
            targets.write(batch);
        }
    }

    /** The batch of this unit of work, created with the current target on first use. */
    public ProjectionBatch batchOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(resourceKey, key -> new ProjectionBatch(targets.read()));
    }

    /**
     * Sees every event the processor hands over, including those that go to the dead-letter queue, so that the
     * batch knows how far it got; writes the batch after its last event.
     */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return this::intercept;
    }

    private void prefetch(ProjectionBatch batch, List<EventMessage<?>> messages) {
        if (articleCollections.isEmpty()) {
            return;
        }
        List<String> articles = messages.stream()
                .filter(message -> message instanceof DomainEventMessage<?>)
                .map(message -> ((DomainEventMessage<?>) message).getAggregateIdentifier())
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (!articles.isEmpty()) {
            articleCollections.forEach(collection -> batch.prefetch(collection, articles));
        }
    }

    private Object intercept(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batching && batching.isFirstMessage()) {
            List<EventMessage<?>> events = batching.getMessages().stream()
                    .filter(message -> message instanceof EventMessage<?>)
                    .<EventMessage<?>>map(message -> (EventMessage<?>) message)
                    .toList();
            ProjectionBatch batch = batchOf(unitOfWork);
            prefetch(batch, events);
            prefetch.accept(batch, events);
        }
        Object result = chain.proceed();
        ProjectionBatch batch = batchOf(unitOfWork);
        batch.advanceTo(EventContext.positionOf(unitOfWork.getMessage()));
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage()) {
            targets.write(batch);
            flushed.accept(batch.position());
        }
        return result;
    }
}
