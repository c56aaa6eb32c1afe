package org.newsroom.query.kafka;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.query.feed.LiveFeed;
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
 * The Kafka publisher, only when {@code newsroom.kafka.bootstrap-servers} is set. Its producer is its own (not Spring
 * Boot's {@code spring.kafka.*} one): idempotent, acknowledged by all in-sync replicas, CloudEvents in binary mode
 * ({@code ce_*} headers, the event payload as the value).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("newsroom.kafka.bootstrap-servers")
@EnableConfigurationProperties(KafkaSettings.class)
class KafkaConfiguration {

    @Bean
    KafkaFeedPublisher kafkaFeedPublisher(LiveFeed feed, KafkaSettings settings, MongoDatabase database) {
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
        return new KafkaFeedPublisher(feed, template, settings, database);
    }
}
