package org.newsroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.mongo.BinaryStore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.BinData;

/**
 * GridFS through the driver on the embedded server: a download reads its own file's chunks from the chunks' unique
 * index {@code {files_id, n}}, not every chunk of every file; the page cache counts a chunk by its data.
 */
class GridFsChunksTest {

    private static final int CHUNK = 64 * 1024;
    private static final int OTHERS = 50;

    private DurableH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private BinaryStore store;
    private MongoDatabase database;
    private final Random random = new Random(7);

    @BeforeEach
    void start() {
        backend = DurableH2Backend.memory();
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        database = client.getDatabase("newsroom");
        store = new BinaryStore(database, CHUNK);
        for (int i = 0; i < OTHERS; i++) {
            store.store("other-" + i, "other.jpg", "image/jpeg", bytes(3 * CHUNK));
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aDownloadExaminesOnlyItsOwnChunksAmongThoseOfEveryOtherFile() throws IOException {
        byte[] original = bytes(10 * CHUNK + 123);
        store.store("m1/original", "haftar.jpg", "image/jpeg", original);

        long before = backend.documentsExamined();
        byte[] read = readAll("m1/original");

        assertThat(read).isEqualTo(original);
        assertThat(backend.documentsExamined() - before)
                .as("the file's document and its 11 chunks, not the %d chunks of the other files", OTHERS * 3)
                .isEqualTo(12);
    }

    @Test
    void aFileWhoseIdStartsWithAnothersGetsNoneOfItsChunks() throws IOException {
        byte[] shortId = bytes(2 * CHUNK);
        byte[] longId = bytes(3 * CHUNK + 1);
        store.store("m2/original", "a.jpg", "image/jpeg", shortId);
        store.store("m2/original2", "b.jpg", "image/jpeg", longId);

        assertThat(readAll("m2/original")).isEqualTo(shortId);
        assertThat(readAll("m2/original2")).isEqualTo(longId);
    }

    @Test
    void deletingAFileRemovesItsChunksAndNoOthers() {
        store.store("m3/320", "a.jpg", "image/jpeg", bytes(2 * CHUNK + 5));
        MongoCollection<Document> chunks = database.getCollection(BinaryStore.BUCKET + ".chunks");
        long all = chunks.countDocuments();

        store.delete("m3/320");

        assertThat(store.find("m3/320")).isEmpty();
        assertThat(chunks.countDocuments()).isEqualTo(all - 3);
        assertThat(chunks.countDocuments(new Document("files_id", "m3/320"))).isZero();
        assertThat(chunks.countDocuments(new Document("files_id", "other-0"))).isEqualTo(3);
    }

    @Test
    void aStoredFileKnowsItsLengthAndContentType() {
        store.store("m4/original", "haftar.png", "image/png", bytes(CHUNK + 1));

        assertThat(store.find("m4/original")).hasValueSatisfying(file -> {
            assertThat(file.length()).isEqualTo(CHUNK + 1);
            assertThat(file.contentType()).isEqualTo("image/png");
            assertThat(file.filename()).isEqualTo("haftar.png");
        });
        assertThat(store.find("m4/none")).isEmpty();
    }

    @Test
    void theCacheCountsAChunkByItsDataWithoutInflatingTheAverageOfOtherDocuments() {
        de.bwaldvogel.mongo.bson.Document chunk = new de.bwaldvogel.mongo.bson.Document("_id", "c")
                .append("files_id", "m5/original")
                .append("n", 0)
                .append("data", new BinData(new byte[1_000_000]));
        de.bwaldvogel.mongo.bson.Document article =
                new de.bwaldvogel.mongo.bson.Document("_id", "a1").append("headline", "Haftar in Rome");

        assertThat(BsonDocuments.INSTANCE.getMemory(chunk)).isGreaterThanOrEqualTo(1_000_000);
        assertThat(BsonDocuments.INSTANCE.getMemory(article))
                .as("the chunks stored before this test did not raise the estimate of a small document")
                .isLessThan(64 * 1024);
    }

    private byte[] readAll(String id) throws IOException {
        try (InputStream in = store.open(id)) {
            return in.readAllBytes();
        }
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
