package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

/**
 * Only poison parks an article. Found by the reliability suite (scenario 6): a handler whose database read failed
 * while MongoDB was away had its event parked like a poison event, and the article's audit trail stopped there
 * until an operator retried the dead letters.
 */
class ParkPoisonOnlyTest {

    private final ParkPoisonOnly policy = new ParkPoisonOnly();
    private final GenericDeadLetter<EventMessage<?>> letter =
            new GenericDeadLetter<>("article-1", GenericEventMessage.asEventMessage("event"));

    @Test
    void aHandlerThatFailsOnTheEventParksIt() {
        IllegalStateException bug = new IllegalStateException("cannot apply");

        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, bug);

        assertThat(decision.shouldEnqueue()).isTrue();
        assertThat(decision.enqueueCause()).contains(bug);
    }

    @Test
    void anUnreachableDatabaseFailsTheBatchInsteadOfParkingTheEvent() {
        MongoSocketReadException lost =
                new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress());
        RuntimeException wrapped = new RuntimeException("handler failed", new MongoTimeoutException("no server"));

        assertThat(catchThrowable(() -> policy.decide(letter, lost))).isSameAs(lost);
        assertThat(catchThrowable(() -> policy.decide(letter, wrapped))).isSameAs(wrapped);
    }
}
