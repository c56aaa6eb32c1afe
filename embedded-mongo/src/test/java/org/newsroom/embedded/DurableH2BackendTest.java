package org.newsroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.TempDirs;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;

/** Concurrent writers share commits, and none is acknowledged before its write is committed. */
class DurableH2BackendTest {

    private static final int WRITERS = 16;
    private static final int WRITES = 150;

    @Test
    void concurrentWritesShareCommitsAndAreAllCommittedWhenAcknowledged() throws Exception {
        DurableH2Backend backend = DurableH2Backend.openFile(
                TempDirs.create("durable-backend").resolve("newsroom.mv.db").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> documents = client.getDatabase("newsroom").getCollection("documents");
            documents.insertOne(new Document("_id", "first"));
            long commitsBefore = backend.commits();
            List<Future<?>> work = new ArrayList<>();
            for (int reader = 0; reader < 2; reader++) {
                work.add(pool.submit(() -> {
                    while (writing.get()) {
                        documents.countDocuments();
                    }
                }));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < WRITES; i++) {
                        documents.insertOne(new Document("_id", writer + "-" + i).append("writer", writer));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            for (Future<?> reader : work) {
                reader.get();
            }

            assertThat(documents.countDocuments()).isEqualTo(1 + WRITERS * WRITES);
            assertThat(backend.getMvStore().hasUnsavedChanges()).isFalse();
            assertThat(backend.commits() - commitsBefore).isPositive().isLessThanOrEqualTo(WRITERS * WRITES);
        } finally {
            pool.shutdownNow();
            server.shutdownNow();
        }
    }
}
