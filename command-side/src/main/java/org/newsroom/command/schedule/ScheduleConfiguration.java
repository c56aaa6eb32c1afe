package org.newsroom.command.schedule;

import java.time.Clock;
import java.time.Duration;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.newsroom.command.PeriodicTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

/**
 * The {@value PublicationSchedules#PROCESSOR} processor: a pooled streaming processor with one segment on the shared
 * token store, reading the whole log from its start once, then following it; and the firer of its schedules.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleSettings.class)
class ScheduleConfiguration {

    @Bean
    PublicationSchedules publicationSchedules(MongoDatabase database) {
        return new PublicationSchedules(database);
    }

    @Bean
    ConfigurerModule publicationScheduleProcessor(
            PublicationSchedules schedules,
            TokenStore tokenStore,
            @Value("${newsroom.eventlog.claim-timeout:${newsroom.query.claim-timeout:5s}}") Duration claimTimeout) {
        String name = PublicationSchedules.PROCESSOR;
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessor(
                        name,
                        Configuration::eventStore,
                        (config, builder) -> builder.initialSegmentCount(1)
                                .batchSize(100)
                                .tokenClaimInterval(Math.min(1_000, claimTimeout.toMillis() / 2))
                                .claimExtensionThreshold(Math.max(100, claimTimeout.toMillis() / 3)))
                .registerEventHandler(config -> new PublicationScheduleProjection(schedules))
                .registerTokenStore(name, config -> tokenStore)
                .registerTransactionManager(name, config -> NoTransactionManager.instance())
                .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance());
    }

    @Bean
    ScheduleFirer scheduleFirer(
            PublicationSchedules schedules,
            CommandGateway commands,
            Clock clock,
            ObjectProvider<Configuration> axon,
            ScheduleSettings settings) {
        return new ScheduleFirer(schedules, commands, clock, () -> claimed(axon), settings);
    }

    @Bean
    PeriodicTask scheduleCheck(ScheduleFirer firer, ScheduleSettings settings) {
        return new PeriodicTask(
                PublicationSchedules.PROCESSOR,
                settings.checkInterval(),
                firer::fireDue,
                "Could not fire the due publications");
    }

    /** Whether this instance's processor holds the claim of the segment, as it knows it. */
    private static boolean claimed(ObjectProvider<Configuration> axon) {
        Configuration configuration = axon.getIfAvailable();
        return configuration != null
                && configuration
                        .eventProcessingConfiguration()
                        .eventProcessor(PublicationSchedules.PROCESSOR, StreamingEventProcessor.class)
                        .map(processor -> !processor.processingStatus().isEmpty())
                        .orElse(false);
    }
}
