package org.newsroom.query.projection;

import java.time.Clock;
import java.time.Duration;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * One pooled streaming processor per read model, reading the event log from position 0: tokens in the application's
 * one token store ({@code projection_tokens}, the event log's {@code TokenStoreConfiguration}), poison events parked
 * per article in a MongoDB dead-letter queue ({@code projection_dead_letters}) while the other articles keep flowing
 * (an unreachable database is not poison: {@link ParkPoisonOnly}), batches written by the projection's writer before
 * the token is stored (at most every {@code newsroom.query.token-write-interval}). There are no transactions: every
 * write is idempotent instead.
 * <p>
 * Two extension points, both Axon Spring Boot's, reach the live processors (never a rebuild's): every
 * {@code MessageHandlerInterceptor<EventMessage<?>>} bean is a handler interceptor of every live processor, after the
 * writer's own (so a batch still sees every event) and in bean order; it runs outside the dead-letter queue, so an
 * exception it throws fails the whole batch, which the processor retries from its last token. Every
 * {@code HandlerEnhancerDefinition} bean wraps the live projections' handlers, inside the dead-letter queue: an
 * exception there parks the article's events like any other handler failure.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionSettings.class)
class ProjectionProcessing {

    @Bean
    ProjectedPositions projectedPositions() {
        return new ProjectedPositions();
    }

    @Bean
    LogEventSource projectionEventSource(EventLogStorageEngine engine, EmbeddedEventStore eventStore) {
        return new LogEventSource(engine, eventStore);
    }

    @Bean
    ConfigurerModule projectionProcessorsModule(
            Projections projections,
            TokenStore tokenStore,
            LogEventSource projectionEventSource,
            MongoTemplate axonMongoTemplate,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ProjectionSettings settings) {
        TokenStore projectionTokens =
                new CoalescingTokenStore(tokenStore, settings.tokenWriteInterval(), Clock.systemUTC());
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (String name : projections.names()) {
                processing
                        .registerPooledStreamingEventProcessor(
                                name,
                                config -> projectionEventSource,
                                (config, builder) -> builder.batchSize(settings.batchSize())
                                        .initialSegmentCount(1)
                                        .tokenClaimInterval(
                                                Duration.ofSeconds(1).toMillis()))
                        .registerEventHandler(config -> projections.liveProjection(name))
                        .registerTokenStore(name, config -> projectionTokens)
                        .registerTransactionManager(name, config -> NoTransactionManager.instance())
                        .registerHandlerInterceptor(
                                name, config -> projections.liveWriter(name).interceptor())
                        .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance())
                        .registerDeadLetterQueue(
                                name,
                                config -> MongoSequencedDeadLetterQueue.builder()
                                        .processingGroup(name)
                                        .mongoTemplate(axonMongoTemplate)
                                        .serializer(eventSerializer)
                                        .transactionManager(NoTransactionManager.instance())
                                        .build())
                        .registerDeadLetterPolicy(name, config -> new ParkPoisonOnly())
                        .registerDeadLetteringEventHandlerInvokerConfiguration(
                                name, (config, builder) -> builder.enableSequenceIdentifierCache());
            }
        };
    }
}
