package org.newsroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.testing.TempDirs;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/**
 * Upgrades lose nothing: data files written by the release before durable commits (no force on commit, retention time
 * 0), once closed cleanly and once as a kill -9 left it, open and serve the same documents and unique indexes.
 * <p>
 * The files in {@code src/test/resources/org/newsroom/embedded/} (gzipped: mostly free space) were written by that
 * release (commit 20af69d): a unique index on {@code documents.text}, {@link #documents()} in one insertMany, then
 * {@link #events()} one insertOne each; the killed one is a copy of the file taken while the server was running.
 */
class PreviousReleaseTest {

    @ParameterizedTest
    @ValueSource(strings = {"previous-release-closed.mv.db.gz", "previous-release-killed.mv.db.gz"})
    void aFileWrittenByThePreviousReleaseServesTheSameDocuments(String fixture) throws IOException {
        Path dir = TempDirs.create("previous-release");
        try (InputStream file = new GZIPInputStream(
                Objects.requireNonNull(PreviousReleaseTest.class.getResourceAsStream(fixture), fixture))) {
            Files.copy(file, dir.resolve(EmbeddedMongoServer.FILE_NAME));
        }
        for (int opening = 0; opening < 2; opening++) {
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir);
                    MongoClient client = MongoClients.create(server.connectionString())) {
                MongoDatabase database = client.getDatabase("newsroom");
                assertThat(database.getCollection("documents")
                                .find()
                                .sort(Sorts.ascending("_id"))
                                .into(new ArrayList<>()))
                        .isEqualTo(documents());
                assertThat(database.getCollection("events")
                                .find()
                                .sort(Sorts.ascending("_id"))
                                .into(new ArrayList<>()))
                        .isEqualTo(events());
                assertThatThrownBy(() -> database.getCollection("documents")
                                .insertOne(new Document("_id", 999)
                                        .append("text", documents().get(7).get("text"))))
                        .isInstanceOfSatisfying(
                                MongoWriteException.class,
                                e -> assertThat(ErrorCategory.fromErrorCode(e.getCode()))
                                        .isEqualTo(ErrorCategory.DUPLICATE_KEY));
            }
        }
    }

    static List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            documents.add(new Document("_id", i)
                    .append("text", "Storm \u00e9t\u00e9 \u2014 " + i)
                    .append("long", 1L << 40 | i)
                    .append("double", i / 3.0)
                    .append("flag", i % 2 == 0)
                    .append("nothing", null)
                    .append("when", new Date(1_764_000_000_000L + i))
                    .append("objectId", new ObjectId(String.format("69248100%016x", i)))
                    .append("binary", new Binary(new byte[] {1, 2, (byte) i}))
                    .append("decimal", Decimal128.parse("12.50"))
                    .append("list", List.of(1, "two", new Document("three", 3)))
                    .append("nested", new Document("events", List.of(new Document("position", (long) i)))));
        }
        return documents;
    }

    static List<Document> events() {
        List<Document> events = new ArrayList<>();
        for (long position = 0; position < 60; position++) {
            events.add(new Document("_id", position)
                    .append("aggregateId", "article-" + position % 7)
                    .append("payload", "x".repeat(200)));
        }
        return events;
    }
}
