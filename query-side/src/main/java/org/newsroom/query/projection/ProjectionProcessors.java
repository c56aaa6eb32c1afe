package org.newsroom.query.projection;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The live processor of each projection, and its dead letters, as Axon configured them. */
@Component
public class ProjectionProcessors {

    private final ObjectProvider<Configuration> axon;

    ProjectionProcessors(ObjectProvider<Configuration> axon) {
        this.axon = axon;
    }

    public StreamingEventProcessor processor(String name) {
        return axon.getObject()
                .eventProcessingConfiguration()
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new Projections.UnknownProjection(name));
    }

    /** The live processor of {@code name} once Axon is configured; empty before. */
    Optional<StreamingEventProcessor> configured(String name) {
        Configuration configuration = axon.getIfAvailable();
        if (configuration == null) {
            return Optional.empty();
        }
        return configuration.eventProcessingConfiguration().eventProcessor(name, StreamingEventProcessor.class);
    }

    /** The position each segment this instance has claimed has processed up to, written included; none if none. */
    Map<Integer, Long> claimedPositions(String name) {
        Map<Integer, Long> positions = new TreeMap<>();
        configured(name)
                .ifPresent(processor -> processor.processingStatus().forEach((segment, status) -> {
                    OptionalLong position = status.getCurrentPosition();
                    if (position.isPresent() && !status.isErrorState()) {
                        positions.put(segment, position.getAsLong());
                    }
                }));
        return positions;
    }

    public SequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(String name) {
        return axon.getObject()
                .eventProcessingConfiguration()
                .deadLetterQueue(name)
                .orElseThrow(() -> new Projections.UnknownProjection(name));
    }

    public SequencedDeadLetterProcessor<EventMessage<?>> deadLetterProcessor(String name) {
        return axon.getObject()
                .eventProcessingConfiguration()
                .sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new Projections.UnknownProjection(name));
    }
}
