package org.newsroom.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.newsroom.platform.web.MongoUnavailable;

/**
 * Which failures of a projection handler park the article in the dead-letter queue: a handler that fails on an event
 * (a bug, an event it cannot apply) does; a database that cannot be reached does not. That event is fine and projects
 * once the database answers, so its failure fails the batch instead: nothing of the batch is written, and the
 * processor backs off and handles it again from its last stored token. Axon skips an event whose failure it is told
 * not to enqueue, so this policy rethrows the failure rather than declining.
 */
final class ParkPoisonOnly implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (MongoUnavailable.causedBy(cause)) {
            throw cause instanceof RuntimeException unchecked
                    ? unchecked
                    : new IllegalStateException("the database cannot be reached", cause);
        }
        return Decisions.enqueue(cause);
    }
}
