package org.newsroom.query.projection;

import java.time.Clock;
import java.util.List;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.InstanceId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

/**
 * One pooled streaming processor per read model, reading the event log from position 0, shared by every instance on
 * the same MongoDB through Axon's token claims: {@code newsroom.query.segments} segments per processor (one for a read
 * model whose documents several articles change: {@link ReadModel#projectsArticlesIndependently()}; tokens in
 * the event log's one token store, {@code projection_tokens}, claimed by one instance at a time, taken over by the others once a silent instance's
 * claim is older than {@code newsroom.query.claim-timeout}, released on a clean shutdown), each instance claiming its
 * fair share of the segments among the live instances ({@link ProjectionInstances}). One article's events always go
 * to the same segment (Axon's {@link SequentialPerAggregatePolicy}), so they are applied in order.
 * <p>
 * Poison events are parked per article in a MongoDB dead-letter queue ({@code projection_dead_letters}) while the
 * other articles keep flowing (an unreachable database is not poison: {@link ParkPoisonOnly}); batches are written by
 * the projection's writer before the token is stored (at most every {@code newsroom.query.token-write-interval}).
 * There are no transactions: every write is guarded by position instead ({@link ProjectionBatch}).
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

    private static final long TOKEN_CLAIM_INTERVAL_MILLIS = 1_000;

    @Bean
    ProjectionVersions projectionVersions(MongoDatabase database, ProjectionSettings settings) {
        return new ProjectionVersions(database, settings.heartbeatInterval().multipliedBy(2));
    }

    @Bean
    ProjectionInstances projectionInstances(
            InstanceId instanceId,
            MongoDatabase database,
            ProjectionVersions versions,
            List<ReadModel> models,
            ProjectionSettings settings,
            Clock clock) {
        return new ProjectionInstances(
                instanceId.value(),
                database,
                versions,
                models.stream().map(ReadModel::name).sorted().toList(),
                settings.claimTimeout(),
                clock);
    }

    @Bean
    ProjectedPositions projectedPositions(MongoDatabase database, TokenStore tokenStore) {
        return new ProjectedPositions(database, tokenStore::fetchSegments);
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
            ProjectionInstances instances,
            ProjectionSettings settings) {
        TokenStore projectionTokens =
                new CoalescingTokenStore(tokenStore, settings.tokenWriteInterval(), Clock.systemUTC());
        long claimExtension = settings.heartbeatInterval().toMillis();
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (String name : projections.names()) {
                int segments = projections.model(name).projectsArticlesIndependently() ? settings.segments() : 1;
                processing
                        .registerPooledStreamingEventProcessor(
                                name,
                                config -> projectionEventSource,
                                (config, builder) -> builder.batchSize(settings.batchSize())
                                        .initialSegmentCount(segments)
                                        .tokenClaimInterval(TOKEN_CLAIM_INTERVAL_MILLIS)
                                        .claimExtensionThreshold(claimExtension)
                                        .maxSegmentProvider(processor -> instances.fairShare(
                                                projections.positions().segmentCount(processor, segments))))
                        .registerSequencingPolicy(name, config -> SequentialPerAggregatePolicy.instance())
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
