package org.newsroom.command.dispatch;

import java.util.List;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.eventsourcing.conflictresolution.DefaultConflictResolver;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.newsroom.eventlog.EventLogStorageEngine;

/**
 * Wraps every command's result in a {@link CommandOutcome} that the unit of work completes after commit with the
 * aggregate's new version and the log position of the last event written.
 * <p>
 * The version comes from the sequence number of the last domain event published in the unit of work, noted by
 * {@link #eventRecorder()} (an event bus dispatch interceptor: it sees the events as they go to the store, before
 * commit); the position is what {@link EventLogStorageEngine} left under {@link EventLogStorageEngine#LAST_POSITION}.
 * <p>
 * A conditional command (an expected version) whose handler throws on a newer aggregate fails as a version mismatch,
 * not with the handler's exception: the precondition is checked first, as HTTP's {@code If-Match} requires. Axon
 * itself only checks an outdated expected version at commit, which a rejected command never reaches.
 */
public final class CommandOutcomeInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String LAST_SEQUENCE_NUMBER = CommandOutcomeInterceptor.class.getName() + ".lastSequenceNumber";

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result;
        try {
            result = chain.proceed();
        } catch (Exception rejected) {
            if (ConflictResolution.getConflictResolver() instanceof DefaultConflictResolver staleExpectation) {
                staleExpectation.ensureConflictsResolved();
            }
            throw rejected;
        }
        CommandOutcome outcome = new CommandOutcome(result);
        unitOfWork.afterCommit(committed -> {
            UnitOfWork<?> root = committed.root();
            outcome.committed(
                    root.getResource(LAST_SEQUENCE_NUMBER), root.getResource(EventLogStorageEngine.LAST_POSITION));
        });
        return outcome;
    }

    /** Notes the sequence number of the last domain event published in the current unit of work. */
    public MessageDispatchInterceptor<EventMessage<?>> eventRecorder() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    List<? extends EventMessage<?>> events) {
                if (CurrentUnitOfWork.isStarted()) {
                    for (EventMessage<?> event : events) {
                        if (event instanceof DomainEventMessage<?> domainEvent) {
                            CurrentUnitOfWork.get()
                                    .root()
                                    .resources()
                                    .merge(
                                            LAST_SEQUENCE_NUMBER,
                                            domainEvent.getSequenceNumber(),
                                            (known, next) -> Math.max((Long) known, (Long) next));
                        }
                    }
                }
                return (index, event) -> event;
            }
        };
    }
}
