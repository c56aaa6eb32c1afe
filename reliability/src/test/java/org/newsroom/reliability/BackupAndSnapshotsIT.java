package org.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Scenario 10: snapshots and backups. (a) A snapshot of the wrong shape, written into a stopped data directory as an
 * old release would have left it after a field rename, must be ignored on the next start: the killed article it
 * describes as a draft still refuses a revision (409 article-killed), and the snapshot is replaced by one of the
 * current shape. (b) An export taken through the running instance while clients write ({@code java -jar newsroom.jar
 * export}), imported into a fresh data directory ({@code import}), must serve the same newsroom up to the exported
 * position: the same positions and hashes, every read model equal to a rebuild, every article's chain valid (I1–I6
 * over the writes acknowledged up to that position).
 */
class BackupAndSnapshotsIT {

    private static final String SCENARIO = "scenario 10: snapshots and backups";
    private static final Duration COMMAND = Duration.ofSeconds(120);
    private static final Pattern EXPORTED = Pattern.compile("Exported positions 1-(\\d+) ");

    @Test
    void aSnapshotOfTheWrongShapeIsIgnoredAndTheKilledArticleStaysKilled() {
        Path dataDir = Scenarios.dataDir("wrong-shape-snapshot");
        // threshold 2: the kill itself writes the article's snapshot
        try (ForkedNewsroom newsroom =
                new ForkedNewsroom(dataDir, "--newsroom.eventlog.snapshot-threshold=2").start()) {
            Http http = new Http(newsroom);
            Http.Reply drafted = http.post(
                    "/api/articles", "reporter", Map.of("headline", "A story to kill", "body", "<p>Body</p>"));
            assertThat(drafted.status()).as("%s", drafted).isEqualTo(201);
            String id = drafted.json().path("id").asText();
            Http.Reply killed = http.post(
                    "/api/articles/" + id + "/kill",
                    "editor",
                    Map.of("reason", "Legal risk", "notice", "This story was withdrawn."));
            assertThat(killed.status()).as("%s", killed).isEqualTo(200);
            newsroom.stop();

            String shape = rewriteSnapshot(dataDir, id);

            newsroom.start();
            Http.Reply revised = http.call("PATCH", "/api/articles/" + id)
                    .as("reporter")
                    .json(Map.of("headline", "Revived?"))
                    .send();
            JsonNode integrity = http.getJson("/audit/articles/" + id + "/integrity", "auditor");
            Scenarios.report(SCENARIO, "a revision of the killed article whose snapshot said DRAFT: " + revised);
            assertThat(revised.isProblem(409, "article-killed"))
                    .as("%s", revised)
                    .isTrue();
            assertThat(integrity.path("valid").asBoolean())
                    .as("integrity: %s", integrity)
                    .isTrue();
            assertThat(integrity.path("events").asLong())
                    .as("no event was added")
                    .isEqualTo(2);
            newsroom.stop();

            try (DataDirectory disk = DataDirectory.open(dataDir)) {
                Document replaced = disk.database()
                        .getCollection("snapshots")
                        .find(new Document("_id", id))
                        .first();
                assertThat(replaced.getString("revision"))
                        .as("the snapshot has the current shape")
                        .isEqualTo(shape);
                assertThat(replaced.get("payload", Document.class))
                        .containsEntry("status", "KILLED")
                        .doesNotContainKey("state");
            }
            Scenarios.report(SCENARIO, "the snapshot was ignored and replaced by one of shape " + shape);
        }
    }

    @Test
    void anExportUnderLoadImportedIntoAFreshDataDirectoryServesTheSameNewsroom() {
        Path source = Scenarios.dataDir("export-source");
        Path target = source.resolveSibling("imported");
        Path file = source.resolveSibling("log.ndjson.gz");
        Ledger ledger = new Ledger();
        long size;
        List<String> unexpected;
        try (ForkedNewsroom newsroom = new ForkedNewsroom(source).start()) {
            Http http = new Http(newsroom);
            try (Newsdesk desk = new Newsdesk(http, ledger, newsroom, Scenarios.LONG ? 8 : 4).start()) {
                int before = Scenarios.LONG ? 400 : 60;
                await().atMost(COMMAND).until(() -> ledger.acks().size() >= before);
                Command export = Command.run(
                        source.resolveSibling("export.log"),
                        Map.of("NEWSROOM_DATA_DIR", source.toString()),
                        "export",
                        file.toString(),
                        "--url=http://127.0.0.1:" + newsroom.port());
                assertThat(export.exitCode()).as(export.output()).isZero();
                assertThat(export.output()).contains("is in use by a running instance; exporting through it");
                Matcher exported = EXPORTED.matcher(export.output());
                assertThat(exported.find()).as(export.output()).isTrue();
                size = Long.parseLong(exported.group(1));
                int after = ledger.acks().size() + 20;
                await().atMost(COMMAND).until(() -> ledger.acks().size() >= after);
                desk.stop();
                unexpected = desk.unexpectedAnswers();
                Scenarios.report(
                        SCENARIO,
                        "export under load (" + desk.stories() + " stories, " + Scenarios.describe(ledger) + "): "
                                + export.output().strip());
            }
            newsroom.stop();
        }
        long sourceHead;
        try (DataDirectory disk = DataDirectory.open(source)) {
            sourceHead = disk.head();
        }
        assertThat(sourceHead).as("the clients wrote on after the export").isGreaterThan(size);

        Command imported = Command.run(
                source.resolveSibling("import.log"),
                Map.of("NEWSROOM_DATA_DIR", target.toString()),
                "import",
                file.toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        Scenarios.report(SCENARIO, imported.output().strip());

        Ledger exportedWrites = new Ledger();
        long cut = size;
        ledger.acks().stream().filter(ack -> ack.position() <= cut).forEach(exportedWrites::acknowledged);
        try (ForkedNewsroom restored = new ForkedNewsroom(target).start()) {
            Invariants.Report report =
                    new Invariants(new Http(restored), exportedWrites).check(SCENARIO + " (the imported copy)");
            unexpected.forEach(answer -> report.violation("client", answer));
            Scenarios.report(SCENARIO, Scenarios.describeStartups(restored));
            report.assertClean();
            assertThat(report.counts().get("events"))
                    .as("events served by the imported copy")
                    .isEqualTo(size);
        }
        assertThat(storedEvents(target)).isEqualTo(storedEvents(source).subList(0, (int) size));
    }

    /** Every stored event as "position hash", in position order. */
    private static List<String> storedEvents(Path dataDir) {
        try (DataDirectory disk = DataDirectory.open(dataDir)) {
            List<String> events = new ArrayList<>();
            for (Document commit :
                    disk.database().getCollection("events").find().sort(new Document("_id", 1))) {
                commit.getList("events", Document.class)
                        .forEach(event -> events.add(
                                event.get("position", Number.class).longValue() + " " + event.getString("hash")));
            }
            return events;
        }
    }

    /**
     * Rewrites the article's snapshot in the stopped data directory as an old release would have left it after a
     * rename of {@code status}: the field under another name, saying DRAFT, and no shape. Answers the shape the
     * snapshot had.
     */
    private static String rewriteSnapshot(Path dataDir, String id) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> snapshots = client.getDatabase("newsroom").getCollection("snapshots");
            Document snapshot = snapshots.find(new Document("_id", id)).first();
            assertThat(snapshot).as("the kill wrote a snapshot").isNotNull();
            Document payload = snapshot.get("payload", Document.class);
            assertThat(payload.getString("status")).isEqualTo("KILLED");
            payload.remove("status");
            payload.put("state", "DRAFT");
            String shape = snapshot.getString("revision");
            snapshot.remove("revision");
            snapshots.replaceOne(new Document("_id", id), snapshot);
            return shape;
        }
    }

    /** One of the jar's commands, run to its end: {@code java -jar newsroom.jar COMMAND ...}. */
    private record Command(int exitCode, String output) {

        static Command run(Path log, Map<String, String> environment, String... args) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1"));
            command.addAll(ForkedNewsroom.launch());
            command.addAll(List.of(args));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("MONGODB_URI");
            builder.environment().putAll(environment);
            try {
                Process process = builder.start();
                if (!process.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(args[0] + " did not end within " + COMMAND + "; see " + log);
                }
                return new Command(process.exitValue(), Files.readString(log));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
