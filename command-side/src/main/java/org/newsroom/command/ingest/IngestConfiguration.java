package org.newsroom.command.ingest;

import java.time.Clock;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.newsroom.command.article.web.DeskSettings;
import org.newsroom.command.dispatch.CommandSender;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/** The ingest: its record of ingested versions and originals in MongoDB, and the service that sends the commands. */
@Configuration(proxyBeanMethods = false)
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
            ObjectProvider<Clock> clock) {
        return new AgencyIngest(
                mapper, commands, items, events, desk.languageList(), clock.getIfAvailable(Clock::systemUTC));
    }
}
