package org.newsroom.standalone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleKilled;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;
import org.newsroom.eventlog.proof.Checkpoint;
import org.newsroom.eventlog.proof.NoteSigner;
import org.newsroom.eventlog.proof.SignedNote;
import org.newsroom.eventlog.proof.SigningKeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The jar's export and import commands on stopped embedded stores, run in this JVM as {@code main} runs them. */
class CommandsIT {

    private static final String ORIGIN = "newsroom.example/log";

    @TempDir
    Path directory;

    /** What a command printed and how it ended. */
    record Outcome(int exitCode, String out, String err) {}

    @Test
    void anExportOfAStoppedStoreImportsIntoAnEmptyOneAsTheSameLog() throws IOException {
        Path source = directory.resolve("source");
        Path target = directory.resolve("target");
        write(source, 12);
        Path file = directory.resolve("backup.ndjson.gz");

        Outcome exported = run(source, "export", file.toString());
        Outcome refused = run(target, "import", file.toString());
        Outcome imported = run(target, "import", "--no-checkpoint", file.toString());

        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out())
                .contains("Exported positions 1-24 (24 commits, 24 events of 12 aggregates) from the embedded store in "
                        + source)
                .contains("The file holds no signed checkpoint")
                .contains("No checkpoint was signed for the export: this command holds no signing key");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("refused, nothing was written").contains("--no-checkpoint");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out())
                .contains("Imported positions 1-24 (24 commits, 24 events of 12 aggregates)")
                .contains("taken on its hash chains alone (--no-checkpoint)");
        assertThat(commits(target)).isEqualTo(commits(source));
    }

    @Test
    void aStoppedStoreExportedWithItsKeyCarriesACheckpointThatAnImportTrustsByKeyOnly() throws IOException {
        Path source = directory.resolve("source");
        write(source, 3);
        NoteSigner key = SigningKeys.load(ORIGIN, null, null, true, source).signer();
        Path file = directory.resolve("signed.ndjson.gz");

        Outcome exported = run(source, "export", file.toString());

        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out())
                .contains("the roots of its 1 checkpoints")
                .contains("Signed checkpoints cover positions 1-6.");
        String note = lastCheckpointNote(file);
        assertThat(Checkpoint.parse(SignedNote.open(note, List.of(key.verifier())))
                        .size())
                .isEqualTo(6);

        Path unkeyed = directory.resolve("unkeyed");
        Outcome withoutKey = run(unkeyed, "import", file.toString());
        Outcome otherKey = run(
                unkeyed,
                "import",
                file.toString(),
                "--key",
                NoteSigner.generate(ORIGIN).verifier().vkey());
        assertThat(withoutKey.exitCode()).isEqualTo(1);
        assertThat(withoutKey.err()).contains("no signature of a known key").contains("--key=<verifier key>");
        assertThat(otherKey.exitCode()).isEqualTo(1);
        assertThat(otherKey.err()).contains("no signature of a known key");
        assertThat(unkeyed).as("nothing was written, not even a data directory").doesNotExist();

        Path byKey = directory.resolve("by-key");
        Outcome given = run(
                byKey,
                "import",
                file.toString(),
                "--key=" + NoteSigner.generate(ORIGIN).verifier().vkey(),
                "--key=" + key.verifier().vkey());
        assertThat(given.exitCode()).as(given.err()).isZero();
        assertThat(given.out())
                .contains("Imported positions 1-6")
                .contains("1 signed checkpoints")
                .contains("newsroom.transparency.verifier-keys");
        assertThat(commits(byKey)).isEqualTo(commits(source));

        Path ownKey = directory.resolve("own-key");
        Files.createDirectories(ownKey);
        Files.copy(source.resolve(SigningKeys.GENERATED_FILE), ownKey.resolve(SigningKeys.GENERATED_FILE));
        Outcome own = run(ownKey, "import", file.toString());
        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(own.out()).doesNotContain("verifier-keys");
    }

    @Test
    void aHoleIsFilledWithAGapCommitByTheOperatorAndOnlyWhereItStarts() {
        Path store = directory.resolve("store");
        write(store, 3);
        deleteCommit(store, 3);

        Outcome taken = run(store, "repair-hole", "--position", "2", "--reason", "lost");
        Outcome inside = run(store, "repair-hole", "--position", "7", "--reason", "lost");
        Outcome noReason = run(store, "repair-hole", "--position", "3");
        Outcome filled =
                run(store, "repair-hole", "--position", "3", "--reason", "restore missed it", "--actor", "ops");

        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains("refused, nothing was written: position 2 is taken");
        assertThat(inside.exitCode()).isEqualTo(1);
        assertThat(inside.err()).contains("the end of the log, not a hole");
        assertThat(noReason.exitCode()).isEqualTo(1);
        assertThat(noReason.err()).contains("--reason is required");
        assertThat(filled.exitCode()).as(filled.err()).isZero();
        assertThat(filled.out())
                .contains("Filled positions 3-3 of the log in the embedded store in " + store)
                .contains("with the gap commit log-gap-3")
                .contains("actor operator:ops, reason: restore missed it");
        try (Store opened = new Store(store)) {
            StoredEventView gap = opened.log.storedEventsFrom(3, 1).get(0);
            assertThat(gap.aggregateType()).isEqualTo("LogGap");
            assertThat(gap.event().get("payload", Document.class))
                    .containsEntry("actor", "operator:ops")
                    .containsEntry("reason", "restore missed it");
            assertThat(opened.log.storedEventsFrom(1, 100)).hasSize(6);
        }
        Outcome again = run(store, "repair-hole", "--position", "3", "--reason", "twice");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("position 3 is taken");
    }

    @Test
    void anExportNeverOverwritesAFileNorLeavesAPartialOne() throws IOException {
        Path source = directory.resolve("source");
        write(source, 1);
        Path file = Files.writeString(directory.resolve("existing.gz"), "keep me");

        Outcome outcome = run(source, "export", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("exists; an export never overwrites a file");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        try (var files = Files.list(directory)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void anExportOfADirectoryWithoutAStoreSaysSoAndCreatesNothing() {
        Path missing = directory.resolve("missing");

        Outcome outcome = run(missing, "export", directory.resolve("x.gz").toString());

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("no embedded store in " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void aTamperedFileIsRefusedBeforeTheStoreIsEvenOpened() throws IOException {
        Path source = directory.resolve("source");
        write(source, 3);
        Path file = directory.resolve("backup.ndjson.gz");
        assertThat(run(source, "export", file.toString()).exitCode()).isZero();
        Path tampered = directory.resolve("tampered.ndjson.gz");
        Files.write(tampered, gzip(gunzip(file).replace("Killed story 2", "Killed story 3")));
        Path target = directory.resolve("target");

        Outcome outcome = run(target, "import", tampered.toString());

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("refused, nothing was written").contains("does not match its hash");
        assertThat(target).as("not even the data directory was created").doesNotExist();
    }

    @Test
    void anImportIntoAStoreThatHoldsALogIsRefused() throws IOException {
        Path source = directory.resolve("source");
        write(source, 2);
        Path file = directory.resolve("backup.ndjson.gz");
        assertThat(run(source, "export", file.toString()).exitCode()).isZero();
        List<String> before = commits(source);

        Outcome outcome = run(source, "import", "--no-checkpoint", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("the store is not empty");
        assertThat(commits(source)).isEqualTo(before);
    }

    @Test
    void helpNamesEveryCommandAndAnUnknownOptionIsRefused() {
        Outcome help = run(directory, "help");
        Outcome typo = run(directory, "export", "x.gz", "--upto=3");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("store", "export FILE", "import FILE", "repair-hole --position N", "help");
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.err()).contains("unknown option [--upto]");
    }

    static Outcome run(Path dataDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Commands.run(
                args,
                Map.of("NEWSROOM_DATA_DIR", dataDir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A log of {@code stories} articles, each drafted and killed. */
    static void write(Path dataDir, int stories) {
        try (Store store = new Store(dataDir)) {
            for (int i = 1; i <= stories; i++) {
                ArticleId id = new ArticleId("story-" + i);
                store.log.appendEvents(List.of(new GenericDomainEventMessage<>(
                        "Article",
                        id.value(),
                        0,
                        new ArticleDrafted(id, "Story " + i, null, "<p>Body</p>", "en"),
                        MetaData.with("actor", "reporter"))));
                store.log.appendEvents(List.of(new GenericDomainEventMessage<>(
                        "Article",
                        id.value(),
                        1,
                        new ArticleKilled(id, "Killed story " + i, "Withdrawn"),
                        MetaData.with("actor", "editor"))));
            }
        }
    }

    /** Removes the commit at {@code position} from a stopped store, as a restore that missed it would. */
    static void deleteCommit(Path dataDir, long position) {
        try (Store store = new Store(dataDir)) {
            assertThat(store.client
                            .getDatabase("newsroom")
                            .getCollection("events")
                            .deleteOne(new Document("_id", position))
                            .getDeletedCount())
                    .isEqualTo(1);
        }
    }

    /** The note of the file's last checkpoint line. */
    private static String lastCheckpointNote(Path file) throws IOException {
        String note = null;
        for (String line : gunzip(file).split("\n")) {
            JsonNode parsed = new ObjectMapper().readTree(line);
            if (parsed.path("kind").asText().equals("checkpoint")) {
                note = parsed.path("note").asText();
            }
        }
        assertThat(note).as("a checkpoint line").isNotNull();
        return note;
    }

    /** Every stored commit, as JSON, in position order. */
    private static List<String> commits(Path dataDir) {
        try (Store store = new Store(dataDir)) {
            List<String> commits = new ArrayList<>();
            store.log.forEachCommit(store.log.headPosition(), commit -> commits.add(commit.toJson()));
            assertThat(commits)
                    .allSatisfy(json -> assertThat(Document.parse(json)).containsKey("commitId"));
            return commits;
        }
    }

    private static String gunzip(Path file) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** An embedded store opened in this JVM, and its log. */
    private static final class Store implements AutoCloseable {
        final EmbeddedMongoServer server;
        final MongoClient client;
        final EventLogStorageEngine log;

        Store(Path dataDir) {
            server = EmbeddedMongoServer.start(dataDir);
            client = MongoClients.create(server.connectionString());
            log = EventLogConfiguration.engineFor(client.getDatabase("newsroom"));
        }

        @Override
        public void close() {
            log.close();
            client.close();
            server.close();
        }
    }
}
