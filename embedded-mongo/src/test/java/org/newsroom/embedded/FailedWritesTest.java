package org.newsroom.embedded;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.TempDirs;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

/**
 * A write whose commit fails is rolled back before anyone can read it, its writer gets an error, and reading back
 * (what the event log does after an error) does not find it, now or after a restart. A command that fails with any
 * Throwable fails alone and leaves the server serving.
 */
class FailedWritesTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(20);

    @Test
    void aWriteWhoseForceFailsIsRolledBackAndNotFoundWhenReadBack() {
        Path dir = TempDirs.create("failed-force");
        SimulatedDisk.Disk disk = SimulatedDisk.of(dir.resolve(EmbeddedMongoServer.FILE_NAME));
        byte[] leftByPowerCut;
        try (RunningBackend running = RunningBackend.on(disk)) {
            MongoCollection<Document> documents = running.collection("documents");
            documents.insertOne(new Document("_id", "before"));
            disk.failNextForce();

            assertThatThrownBy(() -> documents.insertOne(new Document("_id", "failed")))
                    .isInstanceOf(MongoException.class)
                    .hasMessageContaining("not stored");
            assertThat(documents.find(eq("_id", "failed")).first()).isNull();

            documents.insertOne(new Document("_id", "after"));
            assertThat(ids(documents)).containsExactlyInAnyOrder("before", "after");
            leftByPowerCut = disk.durableContent();
        }
        assertThat(idsAfterRestart(dir)).containsExactlyInAnyOrder("before", "after");
        Path afterPowerCut = TempDirs.create("failed-force-power-cut");
        write(afterPowerCut, leftByPowerCut);
        assertThat(idsAfterRestart(afterPowerCut)).containsExactlyInAnyOrder("before", "after");
    }

    @Test
    void whenTheCommitCannotBeWrittenTheStoreServesNothingMoreAndTheWriteIsNotThereAfterARestart() {
        Path dir = TempDirs.create("failed-write");
        SimulatedDisk.Disk disk = SimulatedDisk.of(dir.resolve(EmbeddedMongoServer.FILE_NAME));
        try (RunningBackend running = RunningBackend.on(disk)) {
            MongoCollection<Document> documents = running.collection("documents");
            documents.insertOne(new Document("_id", "before"));
            disk.failNextWrite();

            assertThatThrownBy(() -> documents.insertOne(new Document("_id", "failed")))
                    .isInstanceOf(MongoException.class)
                    .hasMessageContaining("not stored");
            // H2 closes a store whose chunk it could not write: nothing can be rolled back, so nothing is served
            assertThatThrownBy(() -> documents.find(eq("_id", "failed")).first())
                    .isInstanceOf(MongoException.class)
                    .hasMessageContaining("restart the application");
            assertThatThrownBy(() -> documents.insertOne(new Document("_id", "later")))
                    .isInstanceOf(MongoException.class)
                    .hasMessageContaining("restart the application");
        }
        assertThat(idsAfterRestart(dir)).containsExactly("before");
    }

    @Test
    void everyWriterOfAGroupWhoseForceFailsGetsAnErrorAndNoneOfTheirWritesIsFound() throws Exception {
        Path dir = TempDirs.create("failed-group");
        SimulatedDisk.Disk disk = SimulatedDisk.of(dir.resolve(EmbeddedMongoServer.FILE_NAME));
        int writers = 8;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> failed = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try (RunningBackend running = RunningBackend.on(disk)) {
            MongoCollection<Document> documents = running.collection("documents");
            documents.insertOne(new Document("_id", "before"));
            CountDownLatch halfway = new CountDownLatch(writers);
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        if (i == 20) {
                            halfway.countDown();
                        }
                        String id = writer + "-" + i;
                        try {
                            documents.insertOne(new Document("_id", id));
                            acknowledged.add(id);
                        } catch (MongoException e) {
                            failed.add(id);
                        }
                    }
                }));
            }
            halfway.await();
            disk.failNextForce();
            for (Future<?> writer : work) {
                writer.get();
            }
            assertThat(failed).isNotEmpty();
            Set<String> readBack = ids(documents);
            assertThat(readBack).doesNotContainAnyElementsOf(failed).containsAll(acknowledged);
        } finally {
            pool.shutdownNow();
        }
        Set<String> expected = new HashSet<>(acknowledged);
        expected.add("before");
        assertThat(idsAfterRestart(dir)).isEqualTo(expected);
    }

    @Test
    void anErrorInsideAWriteFailsThatWriteAloneAndTheServerKeepsServing() {
        Path dir = TempDirs.create("error-in-write");
        SimulatedDisk.Disk disk = SimulatedDisk.of(dir.resolve(EmbeddedMongoServer.FILE_NAME));
        try (RunningBackend running = RunningBackend.on(disk)) {
            running.collection("documents")
                    .insertMany(IntStream.range(0, 3_000)
                            .mapToObj(i -> new Document("_id", i).append("body", "x".repeat(100)))
                            .toList());
        }
        // reopened, the store has none of its pages in memory: the update below reads one from the file
        try (RunningBackend running = RunningBackend.on(disk)) {
            MongoCollection<Document> documents = running.collection("documents");
            disk.failNextRead();

            assertTimeoutPreemptively(
                    PROMPTLY,
                    () -> assertThatThrownBy(() -> documents.updateOne(eq("_id", 1_500), Updates.set("touched", true)))
                            .isInstanceOf(MongoException.class)
                            .hasMessageContaining("simulated"));
            assertThat(disk.readErrorsThrown()).isEqualTo(1);

            assertTimeoutPreemptively(PROMPTLY, () -> {
                documents.insertOne(new Document("_id", "after"));
                assertThat(documents.find(eq("_id", 1_500)).first()).doesNotContainKey("touched");
                documents.updateOne(eq("_id", 1_501), Updates.set("touched", true));
                assertThat(documents.countDocuments(eq("touched", true))).isOne();
                assertThat(documents.countDocuments()).isEqualTo(3_001);
            });
        }
    }

    @Test
    void aCollectionCreatedByARolledBackWriteCanBeWrittenAfterwards() {
        Path dir = TempDirs.create("rolled-back-collection");
        SimulatedDisk.Disk disk = SimulatedDisk.of(dir.resolve(EmbeddedMongoServer.FILE_NAME));
        try (RunningBackend running = RunningBackend.on(disk)) {
            MongoCollection<Document> fresh = running.collection("fresh");
            running.collection("documents").insertOne(new Document("_id", "before"));
            disk.failNextForce();

            assertThatThrownBy(() -> fresh.insertOne(new Document("_id", "failed")))
                    .isInstanceOf(MongoException.class);

            fresh.insertOne(new Document("_id", "after"));
            assertThat(ids(fresh)).containsExactly("after");
        }
    }

    private static Set<String> ids(MongoCollection<Document> documents) {
        Set<String> ids = new HashSet<>();
        documents.find().forEach(d -> ids.add(d.get("_id").toString()));
        return ids;
    }

    private static Set<String> idsAfterRestart(Path dir) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            return ids(client.getDatabase("newsroom").getCollection("documents"));
        }
    }

    private static void write(Path dir, byte[] content) {
        try {
            Files.write(dir.resolve(EmbeddedMongoServer.FILE_NAME), content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
