package org.newsroom.eventlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleRevised;
import org.newsroom.embedded.EmbeddedMongoServer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** An event log on the embedded server (H2 file backend) in a fresh directory, reached through the real driver. */
final class EventLogFixture implements AutoCloseable {

    final Path dataDir;
    final EmbeddedMongoServer server;
    final MongoClient client;
    final MongoDatabase database;
    final EventLogStorageEngine engine;

    EventLogFixture() throws IOException {
        this(Files.createTempDirectory("event-log"));
    }

    EventLogFixture(Path dataDir) {
        this.dataDir = dataDir;
        this.server = EmbeddedMongoServer.start(dataDir);
        this.client = MongoClients.create(server.connectionString());
        this.database = client.getDatabase("newsroom");
        this.engine = newEngine(database, 100);
    }

    static EventLogStorageEngine newEngine(MongoDatabase database, int batchSize) {
        return newEngine(database, batchSize, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    static EventLogStorageEngine newEngine(MongoDatabase database, int batchSize, Clock clock, Duration holeTimeout) {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(EventLogConfiguration.messageObjectMapper())
                .build();
        return EventLogStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(batchSize)
                .clock(clock)
                .holeTimeout(holeTimeout)
                .build();
    }

    MongoCollection<Document> events() {
        return database.getCollection("events");
    }

    /** Every global position stored, in the order found, one entry per event. */
    List<Long> storedPositions() {
        List<Long> positions = new ArrayList<>();
        for (Document commit : events().find()) {
            for (Document event : commit.getList("events", Document.class)) {
                positions.add(event.get("position", Number.class).longValue());
            }
        }
        return positions;
    }

    static DomainEventMessage<?> drafted(String articleId) {
        return new GenericDomainEventMessage<>(
                "Article",
                articleId,
                0,
                new ArticleDrafted(new ArticleId(articleId), "Headline of " + articleId, "", "<p>Body</p>", "en"),
                MetaData.with("actor", "reporter"));
    }

    static DomainEventMessage<?> revised(String articleId, long sequenceNumber, String headline) {
        return new GenericDomainEventMessage<>(
                "Article",
                articleId,
                sequenceNumber,
                new ArticleRevised(new ArticleId(articleId), headline, null, null, null),
                MetaData.with("actor", "editor"));
    }

    @Override
    public void close() {
        engine.close();
        client.close();
        server.close();
    }
}
