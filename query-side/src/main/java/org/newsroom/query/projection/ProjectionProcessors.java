package org.newsroom.query.projection;

import java.util.Map;
import java.util.Optional;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The live processor of each projection, and its dead letters, as Axon configured them. */
@Component
public class ProjectionProcessors {

    private final ObjectProvider<Configuration> axon;

    ProjectionProcessors(ObjectProvider<Configuration> axon, Projections projections) {
        this.axon = axon;
        projections.names().forEach(name -> projections.positions().fallback(name, () -> tokenPosition(name)));
    }

    public StreamingEventProcessor processor(String name) {
        return axon.getObject()
                .eventProcessingConfiguration()
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new Projections.UnknownProjection(name));
    }

    /** The lowest position over the processor's claimed segments, as the processor knows it in memory; 0 if none. */
    long tokenPosition(String name) {
        Configuration configuration = axon.getIfAvailable();
        if (configuration == null) {
            return 0;
        }
        Optional<StreamingEventProcessor> processor =
                configuration.eventProcessingConfiguration().eventProcessor(name, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return 0;
        }
        Map<Integer, EventTrackerStatus> status = processor.get().processingStatus();
        return status.values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(0))
                .min()
                .orElse(0);
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
