package org.newsroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.TempDirs;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Concurrent writers share commits on the embedded server, yet a process killed with SIGKILL loses no write it had
 * acknowledged: a forked process writes from 8 threads and prints each acknowledgement, and is killed in full flow.
 */
class KillNineIT {

    private static final int ACKNOWLEDGED_BEFORE_KILL = 2_000;

    @Test
    void aKilledProcessLosesNoAcknowledgedWrite() throws Exception {
        Path dataDir = TempDirs.create("kill-nine");
        Process writer = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        AcknowledgingWriter.class.getName(),
                        dataDir.toString(),
                        "8")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("acked ")) {
                    acknowledged.add(line.substring("acked ".length()));
                    if (acknowledged.size() == ACKNOWLEDGED_BEFORE_KILL) {
                        // SIGKILL through the handle leaves the pipe open: acknowledgements already written are read
                        writer.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> documents = client.getDatabase("newsroom").getCollection("acknowledged");
            Set<String> stored = new HashSet<>();
            documents.find().projection(new Document("_id", 1)).forEach(d -> stored.add(d.getString("_id")));
            assertThat(stored).containsAll(acknowledged);
        }
    }
}
