package org.newsroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.TempDirs;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** Documents stored as BSON survive a restart exactly, and files written with Java serialization are converted. */
class BsonDocumentsTest {

    @Test
    void everyBsonTypeSurvivesARestartExactly() {
        Path dir = TempDirs.create("bson-documents");
        List<Document> written = documents(50);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            collection(client).insertMany(written);
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(collection(client).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                    .isEqualTo(written);
        }
        assertThat(format(dir)).isEqualTo(BsonDocuments.FORMAT);
    }

    @Test
    void aFileWrittenWithJavaSerializationIsConvertedOnceAndKeepsEveryDocument() {
        Path dir = TempDirs.create("bson-conversion");
        List<Document> written = new ArrayList<>(documents(300));
        MongoServer stock = new MongoServer(
                new H2Backend(dir.resolve(EmbeddedMongoServer.FILE_NAME).toString()));
        stock.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + stock.getLocalAddress().getPort())) {
            collection(client).insertMany(written);
        } finally {
            stock.shutdownNow();
        }
        assertThat(format(dir)).as("written by the stock backend").isNull();

        for (int opening = 0; opening < 2; opening++) {
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir);
                    MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> collection = collection(client);
                assertThat(collection.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                        .isEqualTo(written);
                Document after = new Document("_id", 1_000 + opening).append("after", "conversion");
                collection.insertOne(after);
                written.add(after);
            }
        }
        assertThat(format(dir)).isEqualTo(BsonDocuments.FORMAT);
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("newsroom").getCollection("documents");
    }

    private static List<Document> documents(int count) {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            documents.add(new Document("_id", i)
                    .append("text", "Storm \u00e9t\u00e9 \u2014 " + i)
                    .append("long", 1L << 40 | i)
                    .append("double", i / 3.0)
                    .append("flag", i % 2 == 0)
                    .append("nothing", null)
                    .append("when", new Date(1_764_000_000_000L + i))
                    .append("objectId", new ObjectId(new Date(1_764_000_000_000L), i))
                    .append("binary", new Binary(new byte[] {1, 2, (byte) i}))
                    .append("decimal", Decimal128.parse("12.50"))
                    .append("list", List.of(1, "two", new Document("three", 3)))
                    .append("nested", new Document("events", List.of(new Document("position", (long) i)))));
        }
        return documents;
    }

    private static String format(Path dir) {
        MVStore store = new MVStore.Builder()
                .fileName(dir.resolve(EmbeddedMongoServer.FILE_NAME).toString())
                .readOnly()
                .open();
        try {
            return store.hasMap(BsonDocuments.FORMAT_MAP)
                    ? store.<String, String>openMap(BsonDocuments.FORMAT_MAP).get(BsonDocuments.FORMAT_KEY)
                    : null;
        } finally {
            store.close();
        }
    }
}
