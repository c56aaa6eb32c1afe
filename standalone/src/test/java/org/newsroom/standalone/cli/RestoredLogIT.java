package org.newsroom.standalone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.proof.Checkpoint;
import org.newsroom.eventlog.proof.CheckpointStore;
import org.newsroom.eventlog.proof.NoteSigner;
import org.newsroom.eventlog.proof.SignedCheckpoint;
import org.newsroom.eventlog.proof.SignedNote;
import org.newsroom.eventlog.proof.SigningKeys;
import org.newsroom.eventlog.proof.TileStore;
import org.newsroom.log.CheckpointSigned;
import org.newsroom.standalone.NewsroomApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * A log whose last event is a signed checkpoint, exported from a stopped store with the jar's command and imported
 * into a new data directory that holds the installation's key: Newsroom started on it has the checkpoint in its log,
 * serves it as the latest, rebuilds the tiles by itself and finds every article valid against it.
 */
@SpringBootTest(
        classes = NewsroomApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"newsroom.security.bcrypt-strength=4", "spring.main.banner-mode=off"})
class RestoredLogIT {

    private static final String ORIGIN = "newsroom.example/log";
    private static String signedNote;
    private static String importOutput;

    @DynamicPropertySource
    static void restoredDataDirectory(DynamicPropertyRegistry properties) throws IOException {
        Path directory = Files.createTempDirectory("newsroom-restored");
        Path source = directory.resolve("source");
        Path target = directory.resolve("target");
        CommandsIT.write(source, 3);
        NoteSigner key = SigningKeys.load(ORIGIN, null, null, true, source).signer();
        signedNote = signCheckpoint(source, key);
        Path file = directory.resolve("backup.ndjson.gz");
        CommandsIT.Outcome exported = CommandsIT.run(source, "export", file.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        Files.createDirectories(target);
        Files.copy(source.resolve(SigningKeys.GENERATED_FILE), target.resolve(SigningKeys.GENERATED_FILE));
        CommandsIT.Outcome imported = CommandsIT.run(target, "import", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        importOutput = imported.out();
        properties.add("newsroom.data-dir", target::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void theImportedCheckpointIsTheLatestAndEveryArticleIsValidAgainstIt() {
        AppHttp http = new AppHttp(port);
        assertThat(importOutput).contains("Imported positions 1-7").contains("3 signed checkpoints");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        http.get(null, "/audit/log/checkpoint", "text/plain").statusCode() == 200);

        assertThat(http.get(null, "/audit/log/checkpoint", "text/plain").body()).isEqualTo(signedNote);
        JsonNode latest = http.json(null, "/audit/log/checkpoint");
        assertThat(latest.path("size").asLong()).isEqualTo(6);
        for (int story = 1; story <= 3; story++) {
            JsonNode integrity = http.json("auditor", "/audit/articles/story-" + story + "/integrity");
            assertThat(integrity.path("valid").asBoolean()).as("%s", integrity).isTrue();
            assertThat(integrity.path("events").asInt()).isEqualTo(2);
            assertThat(integrity.path("checkpoint").path("size").asLong()).isEqualTo(6);
        }
        JsonNode proof = http.json(null, "/audit/log/proof/inclusion?position=6");
        assertThat(proof.path("treeSize").asLong())
                .as("the tiles were rebuilt: %s", proof)
                .isEqualTo(6);
    }

    /** Extends the tiles and appends a checkpoint of the whole log, as the transparency log's signer does. */
    private static String signCheckpoint(Path dataDir, NoteSigner key) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
                MongoClient client = MongoClients.create(server.connectionString());
                EventLogStorageEngine log = EventLogConfiguration.engineFor(client.getDatabase("newsroom"))) {
            TileStore tiles = new TileStore(client.getDatabase("newsroom"));
            long size = tiles.extend(log, event -> true, 100).size();
            Checkpoint checkpoint = new Checkpoint(ORIGIN, size, tiles.root(size));
            String note = SignedNote.sign(checkpoint.text(), key);
            Instant timestamp = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            log.appendEvents(List.of(new GenericDomainEventMessage<>(
                    SignedCheckpoint.AGGREGATE_TYPE,
                    ORIGIN,
                    0,
                    new CheckpointSigned(size, checkpoint.rootHashBase64(), timestamp, note))));
            new CheckpointStore(client.getDatabase("newsroom"))
                    .record(new SignedCheckpoint(0, size, checkpoint.rootHashBase64(), timestamp, note));
            return note;
        }
    }
}
