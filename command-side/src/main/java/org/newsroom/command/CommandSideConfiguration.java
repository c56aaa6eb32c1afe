package org.newsroom.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

    /** An article is snapshotted every {@code newsroom.eventlog.snapshot-threshold} events, so loading it stays cheap. */
    @Bean
    SnapshotTriggerDefinition articleSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${newsroom.eventlog.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
