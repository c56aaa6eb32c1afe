package org.newsroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.TempDirs;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The store gives back the space of what is deleted or rewritten while it runs, and opening it reads no collection
 * whole.
 */
class StorageCompactionTest {

    /** Steps at once and often, on any file: the defaults wait for 16 MB. */
    private static final DurableH2Backend.Compaction EAGER = new DurableH2Backend.Compaction(
            Duration.ofMillis(10), Duration.ofMillis(10), 1, 0, 80, 64 * 1024, 85, 256 * 1024);

    private static final int DOCUMENTS = 600;
    /** Random bytes: compressed pages cannot make them smaller. */
    private static final int PAYLOAD = 4 * 1024;

    @Test
    void theFileShrinksInTheBackgroundOnceMostOfItsDocumentsAreDeleted() throws Exception {
        Path file = TempDirs.create("compaction").resolve(EmbeddedMongoServer.FILE_NAME);
        long full;
        try (Served served = Served.on(file.toString(), EAGER)) {
            MongoCollection<Document> documents = served.collection();
            insert(documents, 0, DOCUMENTS);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> served.backend.statistics().get("compactionSteps") != null
                            && Long.parseLong(served.backend.statistics().get("compactionSteps")) > 0);
            full = Files.size(file);

            documents.deleteMany(Filters.gte("_id", DOCUMENTS / 6));
            // H2 frees a chunk only some versions after its last live page went: the application keeps writing
            for (int i = 0; i < 10; i++) {
                documents.insertOne(new Document("_id", "later-" + i));
            }

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(Files.size(file))
                            .as("%s", served.backend.statistics())
                            .isLessThan(full / 2));
            assertThat(documents.countDocuments()).isEqualTo(DOCUMENTS / 6 + 10);
        }
        try (Served served = Served.on(file.toString(), EAGER)) {
            MongoCollection<Document> documents = served.collection();
            assertThat(documents.countDocuments()).isEqualTo(DOCUMENTS / 6 + 10);
            Document last = documents.find(Filters.eq("_id", DOCUMENTS / 6 - 1)).first();
            assertThat(last).isNotNull();
            assertThat(last.get("payload", Binary.class).length()).isEqualTo(PAYLOAD);
        }
    }

    @Test
    void openingReadsNoCollectionWholeForAnIndexItFindsEmptyOrDoesNotKeep() throws Exception {
        Path file = TempDirs.create("open-without-scans").resolve(EmbeddedMongoServer.FILE_NAME);
        DurableH2Backend.Compaction never = new DurableH2Backend.Compaction(
                Duration.ofHours(1), Duration.ofHours(1), 1, Long.MAX_VALUE, 80, 64 * 1024, 85, 256 * 1024);
        try (Served served = Served.on(file.toString(), never)) {
            MongoCollection<Document> documents = served.collection();
            // no document has "requestKey": the sparse unique index stays empty
            documents.createIndex(
                    Indexes.ascending("requestKey"),
                    new IndexOptions().unique(true).sparse(true).name("requestKey"));
            // not unique: mongo-java-server does not keep it
            documents.createIndex(Indexes.ascending("n"), new IndexOptions().name("n"));
            insert(documents, 0, DOCUMENTS);
        }
        long stored = Files.size(file);
        assertThat(stored).isGreaterThan((long) DOCUMENTS * PAYLOAD);

        try (Served served = Served.on(file.toString(), never)) {
            long readAtOpen = Long.parseLong(served.backend.statistics().get("info.FILE_READ_BYTES"));
            assertThat(readAtOpen).isLessThan(stored / 4);

            MongoCollection<Document> documents = served.collection();
            documents.insertOne(new Document("_id", "a").append("requestKey", "r1"));
            assertThatThrownBy(() -> documents.insertOne(new Document("_id", "b").append("requestKey", "r1")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
        }
    }

    private static void insert(MongoCollection<Document> documents, int from, int to) {
        Random random = new Random(from);
        List<Document> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            byte[] payload = new byte[PAYLOAD];
            random.nextBytes(payload);
            batch.add(new Document("_id", i).append("n", i).append("payload", new Binary(payload)));
            if (batch.size() == 20) {
                documents.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            documents.insertMany(batch);
        }
    }

    /** A backend on a real file, served and reached by the driver. */
    private record Served(DurableH2Backend backend, MongoServer server, MongoClient client) implements AutoCloseable {

        static Served on(String file, DurableH2Backend.Compaction compaction) {
            DurableH2Backend backend = DurableH2Backend.openFile(file, compaction);
            MongoServer server = new MongoServer(backend);
            server.bind(new InetSocketAddress("127.0.0.1", 0), 1, EmbeddedMongoServer.COMMAND_THREADS);
            MongoClient client = MongoClients.create(
                    "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
            return new Served(backend, server, client);
        }

        MongoCollection<Document> collection() {
            return client.getDatabase("newsroom").getCollection("documents");
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
