package org.newsroom.query.kafka;

import static com.mongodb.client.model.Filters.eq;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.bson.Document;
import org.newsroom.query.feed.ArticleCloudEvents;
import org.newsroom.query.projection.ProjectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoDatabase;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;

/**
 * The Kafka publisher, only when {@code newsroom.kafka.bootstrap-servers} is set: the {@value
 * KafkaFeedPublisher#PROCESSOR} processor and its producer. The producer is its own (not Spring Boot's
 * {@code spring.kafka.*} one): idempotent, acknowledged by all in-sync replicas, CloudEvents in binary mode
 * ({@code ce_*} headers, the event payload as the value).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("newsroom.kafka.bootstrap-servers")
@EnableConfigurationProperties(KafkaSettings.class)
class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    /** Where the release before the token store kept its progress: one document per topic, read once on upgrade. */
    static final String CHECKPOINTS = "kafka_checkpoints";

    @Bean
    KafkaFeedPublisher kafkaFeedPublisher(KafkaSettings settings, ArticleCloudEvents envelopes) {
        Map<String, Object> producer = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                CloudEventSerializer.class,
                CloudEventSerializer.ENCODING_CONFIG,
                Encoding.BINARY.name(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                5,
                ProducerConfig.LINGER_MS_CONFIG,
                5);
        KafkaTemplate<String, CloudEvent> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        return new KafkaFeedPublisher(template, settings, envelopes);
    }

    /**
     * The {@value KafkaFeedPublisher#PROCESSOR} processor: the projections' message source, Axon's MongoDB token store
     * in the projections' collection, one segment, batches of {@code newsroom.kafka.batch}; a failure fails the batch
     * (it is tried again), never skips it. The application's one token store claims in the name of this
     * application instance, not of its JVM, so that two instances in one JVM never share a claim.
     */
    @Bean
    ConfigurerModule kafkaProcessorModule(
            KafkaFeedPublisher publisher,
            KafkaSettings settings,
            @Qualifier("projectionEventSource") StreamableMessageSource<TrackedEventMessage<?>> log,
            TokenStore tokenStore,
            ProjectionSettings projection,
            MongoDatabase database) {
        String name = KafkaFeedPublisher.PROCESSOR;
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessor(
                        name,
                        config -> log,
                        (config, builder) -> builder.batchSize(Math.max(1, settings.batch()))
                                .initialSegmentCount(1)
                                .tokenClaimInterval(Duration.ofSeconds(1).toMillis())
                                .claimExtensionThreshold(
                                        Math.max(100, projection.claimTimeout().toMillis() / 3))
                                .initialToken(source -> initialToken(source, database, settings.topic())))
                .registerEventHandler(config -> publisher.handler())
                .registerTokenStore(name, config -> tokenStore)
                .registerTransactionManager(name, config -> NoTransactionManager.instance())
                .registerHandlerInterceptor(name, config -> publisher.interceptor())
                .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance());
    }

    /**
     * Where a publisher without a token starts: after the checkpoint the previous release stored for the topic, if
     * there is one (an upgrade neither skips nor floods), else at the first event of the log.
     */
    static TrackingToken initialToken(
            StreamableMessageSource<TrackedEventMessage<?>> source, MongoDatabase database, String topic) {
        Document checkpoint =
                database.getCollection(CHECKPOINTS).find(eq("_id", topic)).first();
        if (checkpoint == null) {
            return source.createTailToken();
        }
        long position = checkpoint.get("position", Number.class).longValue();
        log.info(
                "Publishing to Kafka topic '{}' after position {}, where the previous release stopped",
                topic,
                position);
        return new GlobalSequenceTrackingToken(position);
    }
}
