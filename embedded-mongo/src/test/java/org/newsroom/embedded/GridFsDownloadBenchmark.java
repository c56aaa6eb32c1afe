package org.newsroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.mongo.BinaryStore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

import de.bwaldvogel.mongo.MongoServer;

/**
 * By hand only (its name matches neither {@code *Test} nor {@code *IT}): {@code ./mvnw -B -q -pl embedded-mongo -am
 * verify -Dtest=GridFsDownloadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none}, with
 * {@code -Dnewsroom.benchmark.files=1000 -Dnewsroom.benchmark.file-bytes=600000 -Dnewsroom.benchmark.chunk-bytes=1048576} to change the library's size. Stores
 * that many files, then a 12-megapixel JPEG's worth of bytes (4.5 MB), in an H2 file, and downloads the latter: as the
 * driver does ({@code find({files_id}).sort({n: 1})}, answered from the chunks' unique index here), and with a filter
 * the index path does not take ({@code {files_id: {$eq: …}}}), which is what stock mongo-java-server does with the
 * driver's: a match against every chunk. Each right after reopening the file (cold cache), then warm. Prints its
 * measurements.
 */
class GridFsDownloadBenchmark {

    private static final int ORIGINAL_BYTES = 4_500_000;

    @Test
    void downloadsOfOneFileAmongMany() throws IOException {
        int files = Integer.getInteger("newsroom.benchmark.files", 1000);
        int fileBytes = Integer.getInteger("newsroom.benchmark.file-bytes", 600_000);
        int chunkBytes = Integer.getInteger("newsroom.benchmark.chunk-bytes", BinaryStore.CHUNK_SIZE);
        Path file = Files.createTempDirectory("gridfs-benchmark").resolve("newsroom");
        Random random = new Random(1);
        byte[] original = new byte[ORIGINAL_BYTES];
        random.nextBytes(original);
        try (Served served = new Served(file.toString())) {
            BinaryStore store = new BinaryStore(served.database, chunkBytes);
            byte[] other = new byte[fileBytes];
            long started = System.nanoTime();
            for (int i = 0; i < files; i++) {
                random.nextBytes(other);
                store.store("other-" + i + "/original", "other.jpg", "image/jpeg", other);
            }
            store.store("twelve-megapixels/original", "original.jpg", "image/jpeg", original);
            System.out.printf(
                    "stored %d files of %d bytes and one of %d in %.1f s (chunks of %d bytes)%n",
                    files, fileBytes, ORIGINAL_BYTES, (System.nanoTime() - started) / 1e9, chunkBytes);
        }
        measure(file, "driver download, from the index", database -> () -> {
            try (InputStream in = new BinaryStore(database).open("twelve-megapixels/original")) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        measure(file, "the same chunks by a scan", database -> () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            database.getCollection(BinaryStore.BUCKET + ".chunks")
                    .find(new Document("files_id", new Document("$eq", "twelve-megapixels/original")))
                    .sort(Sorts.ascending("n"))
                    .forEach(chunk ->
                            out.writeBytes(chunk.get("data", Binary.class).getData()));
            return out.toByteArray();
        });
    }

    private static void measure(
            Path file, String what, java.util.function.Function<MongoDatabase, Supplier<byte[]>> download) {
        try (Served served = new Served(file.toString())) {
            Supplier<byte[]> run = download.apply(served.database);
            List<Double> millis = new ArrayList<>();
            List<Long> examined = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long before = served.backend.documentsExamined();
                long started = System.nanoTime();
                byte[] bytes = run.get();
                millis.add((System.nanoTime() - started) / 1e6);
                examined.add(served.backend.documentsExamined() - before);
                assertThat(bytes).hasSize(ORIGINAL_BYTES);
            }
            List<Double> warm = new ArrayList<>(millis.subList(1, millis.size()));
            warm.sort(Double::compare);
            System.out.printf(
                    "%s: cold %.1f ms, warm median %.1f ms of %s; documents examined per download %s%n",
                    what, millis.get(0), warm.get(warm.size() / 2), millis, examined.get(0));
        }
    }

    /** The H2 file served by mongo-java-server with our backend, reached through the driver. */
    private static final class Served implements AutoCloseable {
        final DurableH2Backend backend;
        final MongoServer server;
        final MongoClient client;
        final MongoDatabase database;

        Served(String file) {
            backend = DurableH2Backend.openFile(file);
            server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            client = MongoClients.create(
                    "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
            database = client.getDatabase("newsroom");
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
