package org.newsroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.TempDirs;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Every write is forced to the disk before it is acknowledged: observed through a file system that counts forces and
 * keeps what a power cut would leave (the file as of the last completed force).
 */
class ForcedCommitsTest {

    private static final int WRITERS = 16;
    private static final int WRITES = 40;

    @Test
    void everyWriteIsCommittedThenForcedBeforeItIsAcknowledged() {
        SimulatedDisk.Disk disk =
                SimulatedDisk.of(TempDirs.create("forced-commits").resolve(EmbeddedMongoServer.FILE_NAME));
        try (RunningBackend running = RunningBackend.on(disk)) {
            MongoCollection<Document> documents = running.collection("documents");
            for (int i = 0; i < 20; i++) {
                int operationsBefore = disk.operations().size();
                int forcesBefore = disk.forces();

                documents.insertOne(new Document("_id", i));

                List<String> sinceSent = disk.operations()
                        .subList(operationsBefore, disk.operations().size());
                assertThat(sinceSent)
                        .as("file operations between sending write %d and its acknowledgement", i)
                        .contains("write")
                        .last()
                        .isEqualTo("force");
                assertThat(sinceSent.lastIndexOf("write")).isLessThan(sinceSent.lastIndexOf("force"));
                assertThat(disk.forces()).isGreaterThan(forcesBefore);
            }
        }
    }

    @Test
    void aPowerCutLosesNoAcknowledgedWriteAndConcurrentWritersShareForces() throws Exception {
        SimulatedDisk.Disk disk = SimulatedDisk.of(TempDirs.create("power-cut").resolve(EmbeddedMongoServer.FILE_NAME));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedBeforeCut;
        byte[] leftByPowerCut;
        int forces;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (RunningBackend running = RunningBackend.on(disk)) {
            MongoCollection<Document> documents = running.collection("documents");
            documents.insertOne(new Document("_id", "first"));
            int forcesBefore = disk.forces();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < WRITES; i++) {
                        String id = writer + "-" + i;
                        documents.insertOne(new Document("_id", id).append("body", "x".repeat(300)));
                        acknowledged.add(id);
                    }
                }));
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> acknowledged.size() >= WRITERS * WRITES / 2);
            // acknowledgements first: each of them followed its force, so the content below includes it
            acknowledgedBeforeCut = Set.copyOf(acknowledged);
            leftByPowerCut = disk.durableContent();
            for (Future<?> writer : writers) {
                writer.get();
            }
            forces = disk.forces() - forcesBefore;
        } finally {
            pool.shutdownNow();
        }

        assertThat(forces)
                .as("forces for %d writes", WRITERS * WRITES)
                .isPositive()
                .isLessThan(WRITERS * WRITES);
        Path afterPowerCut = TempDirs.create("after-power-cut");
        Files.write(afterPowerCut.resolve(EmbeddedMongoServer.FILE_NAME), leftByPowerCut);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(afterPowerCut);
                MongoClient client = MongoClients.create(server.connectionString())) {
            Set<String> stored = new HashSet<>();
            client.getDatabase("newsroom")
                    .getCollection("documents")
                    .find()
                    .forEach(d -> stored.add(d.get("_id").toString()));
            assertThat(stored).contains("first").containsAll(acknowledgedBeforeCut);
        }
    }
}
