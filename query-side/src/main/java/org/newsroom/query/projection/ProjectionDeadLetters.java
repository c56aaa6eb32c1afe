package org.newsroom.query.projection;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

/** Lists and retries the events a projection parked, per article (one dead-letter sequence per article). */
@Component
public class ProjectionDeadLetters {

    private final Projections projections;
    private final ProjectionProcessors processors;

    ProjectionDeadLetters(Projections projections, ProjectionProcessors processors) {
        this.projections = projections;
        this.processors = processors;
    }

    public List<DeadLetterView> list(String name) {
        List<DeadLetterView> letters = new ArrayList<>();
        queue(name).deadLetters().forEach(sequence -> sequence.forEach(letter -> letters.add(view(letter))));
        return letters;
    }

    public long sequences(String name) {
        return queue(name).amountOfSequences();
    }

    /**
     * Retries every parked article once, oldest first: each article's letters are handled in order until one fails
     * again, which stays parked with its new cause.
     */
    public RetryOutcome retry(String name) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processors.deadLetterProcessor(projections.model(name).name());
        long sequences = sequences(name);
        int succeeded = 0;
        for (long i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                succeeded++;
            }
        }
        return new RetryOutcome(name, sequences, succeeded, sequences(name));
    }

    /** How a retry went: articles tried, articles whose letters all went through, articles still parked. */
    public record RetryOutcome(String projection, long tried, long succeeded, long stillParked) {}

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String name) {
        return processors.deadLetterQueue(projections.model(name).name());
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String articleId = message instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : null;
        Long position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream()
                        .boxed()
                        .findFirst()
                        .orElse(null)
                : null;
        String cause = letter.cause().map(ProjectionDeadLetters::describe).orElse(null);
        return new DeadLetterView(
                articleId,
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                position,
                cause,
                letter.enqueuedAt(),
                letter.lastTouched());
    }

    private static String describe(Cause cause) {
        return cause.type() + ": " + cause.message();
    }
}
