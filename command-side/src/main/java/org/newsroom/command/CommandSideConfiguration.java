package org.newsroom.command;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

    /**
     * An article is snapshotted every {@code newsroom.eventlog.snapshot-threshold} events, so loading it reads at most
     * that many events after its snapshot: a load costs about 0.01 ms per event read on the embedded server, a snapshot
     * one write per threshold's worth of commands.
     */
    @Bean
    SnapshotTriggerDefinition articleSnapshotTrigger(
            Snapshotter snapshotter, @Value("${newsroom.eventlog.snapshot-threshold:20}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
