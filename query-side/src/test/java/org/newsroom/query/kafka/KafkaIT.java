package org.newsroom.query.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.query.Articles;
import org.newsroom.query.FeedContext;
import org.newsroom.query.FeedTestApplication;
import org.newsroom.query.Integrator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;

/**
 * The feed published to Kafka (spring-kafka-test's embedded KRaft broker) across restarts, with and without Kafka,
 * across an upgrade from the previous release's checkpoint, and by two instances sharing one MongoDB.
 */
class KafkaIT {

    private static final String TOPIC = "newsroom.articles";
    private static final String UPGRADED = "newsroom.articles.upgraded";
    private static final String SHARED = "newsroom.articles.shared";
    private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static EmbeddedKafkaKraftBroker kafka;

    /** The embedded broker and clients are chatty at INFO. */
    private static final String[] QUIET = {
        "logging.level.org.apache.kafka=warn", "logging.level.kafka=warn", "logging.level.state.change.logger=warn"
    };

    @BeforeAll
    static void startKafka() {
        for (String logger : new String[] {"org.apache.kafka", "kafka", "state.change.logger"}) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(logger))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
        kafka = new EmbeddedKafkaKraftBroker(1, 1, TOPIC, UPGRADED, SHARED);
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopKafka() {
        kafka.destroy();
    }

    @Test
    void everyEventIsPublishedOnceInOrderKeyedByArticleAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory("kafka-it");
        String withKafka = "newsroom.kafka.bootstrap-servers=" + kafka.getBrokersAsString();
        String[] kafkaQuietly = {withKafka, QUIET[0], QUIET[1], QUIET[2]};
        long firstHead;
        try (FeedContext first = new FeedContext(dataDir, kafkaQuietly)) {
            first.articles().draftAndPublish("kafka-a");
            first.articles().draft("kafka-b");
            firstHead = first.bean(EventLogStorageEngine.class).headPosition();
            KafkaFeedPublisher publisher = first.bean(KafkaFeedPublisher.class);
            await().atMost(PATIENCE).until(() -> publisher.published() == firstHead);
        }
        try (FeedContext withoutKafka = new FeedContext(dataDir, QUIET)) {
            assertThat(withoutKafka.has(KafkaFeedPublisher.class)).isFalse();
            withoutKafka.articles().revise("kafka-b", "Written while nobody published to Kafka");
            withoutKafka.articles().draft("kafka-c");
        }
        long head;
        try (FeedContext second = new FeedContext(dataDir, kafkaQuietly)) {
            second.articles().revise("kafka-a", "Written after the restart");
            head = second.bean(EventLogStorageEngine.class).headPosition();
            KafkaFeedPublisher publisher = second.bean(KafkaFeedPublisher.class);
            await().atMost(PATIENCE).until(() -> publisher.published() == head);
        }

        List<ConsumerRecord<String, CloudEvent>> records = consumeAll(TOPIC, (int) head);

        assertThat(records)
                .extracting(record -> position(record.value()))
                .as("every position once, in order: no skip after the pause, no flood after the restart")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, head).boxed().toList());
        assertThat(firstHead).isEqualTo(4);
        for (ConsumerRecord<String, CloudEvent> record : records) {
            CloudEvent event = record.value();
            assertThat(record.key()).isEqualTo(event.getSubject());
            assertThat(event.getSource()).hasToString("/articles");
            assertThat(event.getType()).startsWith("news.article.").endsWith(".v1");
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            assertThat(record.headers().lastHeader("ce_id")).isNotNull();
            JsonNode data = Integrator.JSON.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
            assertThat(data.get("articleId").asText()).isEqualTo(event.getSubject());
        }
        ConsumerRecord<String, CloudEvent> last = records.get(records.size() - 1);
        assertThat(last.key()).isEqualTo("kafka-a");
        assertThat(last.value().getType()).isEqualTo("news.article.revised.v1");
        assertThat(last.value().getExtension("articleversion")).hasToString("4");
    }

    private static long position(CloudEvent event) {
        return Long.parseLong(String.valueOf(event.getExtension("position")));
    }

    @Test
    void anUpgradeFromTheCheckpointOfThePreviousReleaseNeitherSkipsNorFloods() throws Exception {
        Path dataDir = Files.createTempDirectory("kafka-upgrade-it");
        try (FeedContext before = new FeedContext(dataDir, QUIET)) {
            before.articles().draft("upgrade-a");
            before.articles().draft("upgrade-b");
            before.articles().draft("upgrade-c");
            before.bean(MongoDatabase.class)
                    .getCollection("kafka_checkpoints")
                    .insertOne(new Document("_id", UPGRADED).append("position", 2L));
        }
        long head;
        try (FeedContext upgraded = new FeedContext(
                dataDir,
                "newsroom.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "newsroom.kafka.topic=" + UPGRADED,
                QUIET[0],
                QUIET[1],
                QUIET[2])) {
            upgraded.articles().draft("upgrade-d");
            head = upgraded.bean(EventLogStorageEngine.class).headPosition();
            KafkaFeedPublisher publisher = upgraded.bean(KafkaFeedPublisher.class);
            await().atMost(PATIENCE).until(() -> publisher.published() == head);
        }

        assertThat(consumeAll(UPGRADED, (int) head - 2))
                .extracting(record -> position(record.value()))
                .as("after the old checkpoint, every position once")
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(3, head).boxed().toList());
    }

    @Test
    void twoInstancesOnOneMongoDbPublishEachEventOnceAndTheSecondTakesOverFromTheFirst() {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.startInMemory()) {
            String uri = mongo.connectionString() + "/kafka-instances";
            long head;
            try (ConfigurableApplicationContext a = instance(uri);
                    ConfigurableApplicationContext b = instance(uri)) {
                Articles throughA = new Articles(a.getBean(CommandGateway.class));
                Articles throughB = new Articles(b.getBean(CommandGateway.class));
                for (int i = 0; i < 5; i++) {
                    throughA.draft("shared-a-" + i);
                    throughB.draft("shared-b-" + i);
                }
                long firstHead = a.getBean(EventLogStorageEngine.class).headPosition();
                KafkaFeedPublisher publisherA = a.getBean(KafkaFeedPublisher.class);
                KafkaFeedPublisher publisherB = b.getBean(KafkaFeedPublisher.class);
                await().atMost(PATIENCE)
                        .until(() -> Math.max(publisherA.published(), publisherB.published()) == firstHead);
                assertThat(Math.min(publisherA.published(), publisherB.published()))
                        .as("one publisher at a time")
                        .isZero();

                ConfigurableApplicationContext publishing = publisherA.published() > 0 ? a : b;
                ConfigurableApplicationContext other = publishing == a ? b : a;
                publishing.close();
                new Articles(other.getBean(CommandGateway.class)).draft("after-the-first-stopped");
                head = other.getBean(EventLogStorageEngine.class).headPosition();
                KafkaFeedPublisher survivor = other.getBean(KafkaFeedPublisher.class);
                await().atMost(PATIENCE).until(() -> survivor.published() == head);
            }

            assertThat(consumeAll(SHARED, (int) head))
                    .extracting(record -> position(record.value()))
                    .as("every position once, in order, across the takeover")
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, head).boxed().toList());
        }
    }

    private static ConfigurableApplicationContext instance(String mongoUri) {
        return new SpringApplicationBuilder(FeedTestApplication.class)
                .properties(
                        "newsroom.mongodb.uri=" + mongoUri,
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "newsroom.users[0].name=integrator",
                        "newsroom.users[0].password={noop}newsroom",
                        "newsroom.users[0].roles=integrator",
                        "newsroom.webhooks.secret-key=" + KEY,
                        "newsroom.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        "newsroom.kafka.topic=" + SHARED,
                        QUIET[0],
                        QUIET[1],
                        QUIET[2])
                .run();
    }

    private static List<ConsumerRecord<String, CloudEvent>> consumeAll(String topic, int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "kafka-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                CloudEventDeserializer.class);
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= atLeast;
            });
            await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return records.size() == atLeast;
            });
        }
        return records;
    }
}
