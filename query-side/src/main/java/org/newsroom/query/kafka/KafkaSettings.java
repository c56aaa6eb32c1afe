package org.newsroom.query.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.kafka.*}.
 *
 * @param bootstrapServers the Kafka cluster; publishing is off when unset
 * @param topic            where events go
 * @param batch            events sent before waiting for the broker's acknowledgement and storing the checkpoint
 */
@ConfigurationProperties("newsroom.kafka")
public record KafkaSettings(
        String bootstrapServers,
        @DefaultValue("newsroom.articles") String topic,
        @DefaultValue("500") int batch) {}
