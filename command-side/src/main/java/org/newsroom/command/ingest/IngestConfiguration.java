package org.newsroom.command.ingest;

import java.time.Clock;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.newsroom.command.PeriodicTask;
import org.newsroom.command.article.web.DeskSettings;
import org.newsroom.command.dispatch.CommandSender;
import org.newsroom.eventlog.InstanceId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * The ingest: its record of ingested versions and originals in MongoDB, the service that sends the commands, and the
 * drop folder when {@code newsroom.ingest.drop-folder} names one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestSettings.class)
class IngestConfiguration {

    @Bean
    IngestedItems ingestedItems(MongoDatabase database) {
        return new IngestedItems(database);
    }

    @Bean
    AgencyIngest agencyIngest(
            ObjectMapper mapper,
            CommandSender commands,
            IngestedItems items,
            EventStore events,
            DeskSettings desk,
            IngestSettings settings,
            ObjectProvider<Clock> clock) {
        return new AgencyIngest(
                mapper,
                commands,
                items,
                events,
                desk.languageList(),
                settings.killOnCancel(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty("newsroom.ingest.drop-folder")
    DropFolder dropFolder(
            AgencyIngest ingest, IngestSettings settings, InstanceId instance, ObjectProvider<Clock> clock) {
        return new DropFolder(
                ingest, settings.dropFolder(), instance.value(), settings, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty("newsroom.ingest.drop-folder")
    PeriodicTask dropFolderPoll(DropFolder folder, IngestSettings settings) {
        return new PeriodicTask(
                "ingest-drop-folder",
                settings.pollInterval(),
                folder::poll,
                "Could not read the drop folder " + settings.dropFolder());
    }
}
