package org.newsroom.reliability.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.HashChain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Scenario 8: upcasting. Stored revision-1 events of a test-only event type ({@link ArticleFlagged}), as golden
 * commit documents in test resources, are read by the revision-2 class through {@link ArticleFlaggedUpcaster}, both
 * by aggregate and by a tracking reader, and come out as the golden revision-2 payloads. The stored documents and
 * their hash chain are untouched; without the upcaster they do not read as revision 2; a new event is stored as
 * revision 2 exactly as its golden file says and continues the chain. Runs in-process on the event log itself, on the
 * embedded server through the real driver.
 */
class UpcastingIT {

    private static final ObjectMapper JSON = EventLogConfiguration.messageObjectMapper();
    private static final String ARTICLE = "flagged-article";

    private final EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
    private final MongoClient client = MongoClients.create(server.connectionString());
    private final MongoDatabase database = client.getDatabase("newsroom");
    private final List<EventLogStorageEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(EventLogStorageEngine::close);
        client.close();
        server.close();
    }

    @Test
    void storedRevisionOneEventsAreReadAsRevisionTwoByAggregateAndByTrackingReader() throws IOException {
        storeGoldenRevisionOneCommits();
        EventLogStorageEngine engine = engine(new ArticleFlaggedUpcaster());
        List<ArticleFlagged> expected =
                List.of(JSON.readValue(golden("article-flagged-r2.payloads.json"), ArticleFlagged[].class));

        List<Object> byAggregate = engine.readEvents(ARTICLE)
                .asStream()
                .map(EventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
        List<Object> tracked = engine.readEvents(null, false)
                .map(EventMessage::getPayload)
                .map(Object.class::cast)
                .toList();

        assertThat(byAggregate).containsExactlyElementsOf(expected);
        assertThat(tracked).containsExactlyElementsOf(expected);
        JsonNode written = JSON.valueToTree(byAggregate);
        assertThat(written).isEqualTo(JSON.readTree(golden("article-flagged-r2.payloads.json")));
        List<Long> sequenceNumbers = engine.readEvents(ARTICLE)
                .asStream()
                .map(message -> message.getSequenceNumber())
                .toList();
        assertThat(sequenceNumbers).containsExactly(0L, 1L);
        System.out.println("[scenario 8: upcasting] " + expected.size() + " stored revision-1 events read as"
                + " revision 2 by aggregate and by a tracking reader, equal to their golden revision-2 payloads");
    }

    @Test
    void theStoredRevisionOneEventsAndTheirHashChainAreUntouchedByReading() {
        List<Document> golden = storeGoldenRevisionOneCommits();
        EventLogStorageEngine engine = engine(new ArticleFlaggedUpcaster());
        engine.readEvents(ARTICLE).asStream().forEach(message -> {});

        List<Document> stored = database.getCollection("events").find().into(new ArrayList<>());
        assertThat(stored).isEqualTo(golden);
        assertChainVerifies(engine, 2);
    }

    @Test
    void withoutTheUpcasterRevisionOneDoesNotReadAsRevisionTwo() throws IOException {
        storeGoldenRevisionOneCommits();
        EventLogStorageEngine engine = engine(NoOpEventUpcaster.INSTANCE);
        List<ArticleFlagged> expected =
                List.of(JSON.readValue(golden("article-flagged-r2.payloads.json"), ArticleFlagged[].class));

        List<Object> read = new ArrayList<>();
        Throwable failure = catchThrowable(
                () -> engine.readEvents(ARTICLE).asStream().forEach(message -> read.add(message.getPayload())));

        assertThat(failure != null || !read.equals(expected))
                .as("revision 1 read as it is: %s, %s", failure, read)
                .isTrue();
    }

    @Test
    void aNewEventIsStoredAsRevisionTwoAsItsGoldenFileSaysAndContinuesTheChain() throws IOException {
        storeGoldenRevisionOneCommits();
        EventLogStorageEngine engine = engine(new ArticleFlaggedUpcaster());
        ArticleFlagged flagged = new ArticleFlagged(
                ARTICLE,
                "correction-needed",
                new ArticleFlagged.Flagger("Ann Lee", "Foreign"),
                ArticleFlagged.Severity.NORMAL);

        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Article", ARTICLE, 2, flagged)));

        Document stored = database.getCollection("events")
                .find(Filters.eq("_id", 3L))
                .first()
                .getList("events", Document.class)
                .get(0);
        JsonNode expected = JSON.readTree(golden("article-flagged-r2.stored-event.json"));
        assertThat(stored.getString("payloadType"))
                .isEqualTo(expected.path("payloadType").asText());
        assertThat(stored.getString("revision"))
                .isEqualTo(expected.path("revision").asText());
        assertThat(JSON.readTree(stored.get("payload", Document.class).toJson()))
                .isEqualTo(expected.path("payload"));
        assertThat(engine.readEvents(ARTICLE)
                        .asStream()
                        .map(EventMessage::getPayload)
                        .toList())
                .last()
                .isEqualTo(flagged);
        assertChainVerifies(engine, 3);
    }

    private EventLogStorageEngine engine(EventUpcaster upcaster) {
        JacksonSerializer serializer =
                JacksonSerializer.builder().objectMapper(JSON).build();
        EventLogStorageEngine engine = EventLogStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(upcaster))
                .build();
        engines.add(engine);
        return engine;
    }

    /** The golden commits, stored as the event log stores commits, after checking their hashes are the chain's. */
    private List<Document> storeGoldenRevisionOneCommits() {
        List<Document> commits = new ArrayList<>();
        String golden = golden("article-flagged-r1.commits.json");
        Document.parse("{\"commits\": " + golden + "}")
                .getList("commits", Document.class)
                .forEach(commits::add);
        database.getCollection("events").insertMany(commits);
        return commits;
    }

    private static void assertChainVerifies(EventLogStorageEngine engine, int events) {
        List<EventLogStorageEngine.StoredEventView> stored = engine.storedEvents(ARTICLE);
        assertThat(stored).hasSize(events);
        String previous = HashChain.GENESIS;
        for (EventLogStorageEngine.StoredEventView event : stored) {
            assertThat(event.hash())
                    .as("hash of position %d", event.position())
                    .isEqualTo(event.recomputeHash(previous));
            previous = event.hash();
        }
    }

    private static String golden(String name) {
        try (InputStream in = UpcastingIT.class.getResourceAsStream("/upcasting/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
