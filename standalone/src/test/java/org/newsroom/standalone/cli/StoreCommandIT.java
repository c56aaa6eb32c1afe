package org.newsroom.standalone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.standalone.NewsroomApplication;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** {@code store}, forked as the jar runs it: serves the data directory on a port, stops on SIGTERM with exit 0. */
class StoreCommandIT {

    @TempDir
    Path directory;

    @Test
    void theStoreServesItsDataDirectoryUntilSigtermThenClosesIt() throws Exception {
        Path dataDir = directory.resolve("data");
        int port = freePort();
        Path output = directory.resolve("store.log");
        Process store = fork(dataDir, output, "store", "--newsroom.store.port=" + port);
        try {
            await().atMost(Duration.ofSeconds(60))
                    .failFast("the store died: " + output, () -> !store.isAlive())
                    .until(() -> Files.readString(output).contains("Newsroom store listening"));
            assertThat(Files.readString(output))
                    .contains("listening on mongodb://127.0.0.1:" + port)
                    .contains("for trials and tests, not production");
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                client.getDatabase("newsroom").getCollection("trial").insertOne(new Document("_id", "kept"));
            }
        } finally {
            store.destroy();
            assertThat(store.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(store.exitValue()).isZero();
        assertThat(Files.readString(output)).contains("Newsroom store closed");
        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(dataDir);
                MongoClient client = MongoClients.create(reopened.connectionString())) {
            assertThat(client.getDatabase("newsroom")
                            .getCollection("trial")
                            .find(new Document("_id", "kept"))
                            .first())
                    .isNotNull();
        }
    }

    @Test
    void aDataDirectoryInUseIsRefused() throws Exception {
        Path dataDir = directory.resolve("data");
        Path output = directory.resolve("store.log");
        try (EmbeddedMongoServer holder = EmbeddedMongoServer.start(dataDir)) {
            Process store = fork(dataDir, output, "store", "--newsroom.store.port=" + freePort());
            assertThat(store.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(store.exitValue()).isEqualTo(1);
            assertThat(Files.readString(output)).contains("is in use by a running instance");
        }
    }

    private static Process fork(Path dataDir, Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                NewsroomApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("NEWSROOM_DATA_DIR", dataDir.toString());
        builder.environment().remove("MONGODB_URI");
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
