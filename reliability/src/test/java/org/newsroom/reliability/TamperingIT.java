package org.newsroom.reliability;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;
import org.newsroom.eventlog.HashChain;
import org.newsroom.eventlog.proof.CheckpointStore;
import org.newsroom.eventlog.proof.SignedCheckpoint;
import org.newsroom.eventlog.proof.TileStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Scenario 11: tampering. A tamperer with write access to the database (the jar stopped, its data directory opened
 * with the embedded server, as a database administrator would open a MongoDB) (a) rewrites a published event, the
 * editor who published it made the reporter and a word of the body changed, and recomputes the article's hash chain
 * and every tile of the transparency log's tree; (b) deletes the last commits of the log and the checkpoints signed
 * after them, and recomputes the tiles and the checkpoint index. The signing key is not in the database (the jar gets
 * it from {@code NEWSROOM_SIGNING_KEY}). A witness kept the latest checkpoint before the tampering, fetched as the
 * signed note ({@code GET /audit/log/checkpoint}, text/plain), and the verifier key.
 * <p>
 * Detected: (a) {@code /integrity} of the article is invalid, the signer signs nothing more (a later publication stays
 * unsigned), and the offline verifier
 * fails both the inclusion proof of the publication the tampered log serves and a fresh export, against the witness's
 * checkpoint; (b) the log's latest checkpoint now signs fewer events than the witness's, and the verifier fails a
 * fresh export against it: the log is shorter than a size it signed.
 */
class TamperingIT {

    private static final String SCENARIO = "scenario 11: tampering";
    private static final Path VERIFIER = Path.of("..", "tools", "verifier", "newsroom_verify.py");
    private static final String ORIGIN = "newsroom.example/log";
    private static final String BODY = "<p>The minister resigned on Tuesday after the vote.</p>";

    @Test
    void aPublicationRewrittenWithItsChainAndTilesRecomputedIsCaughtByTheWitnesssCheckpoint() throws Exception {
        Path dataDir = Scenarios.dataDir("tampering-rewrite");
        Path evidence = dataDir.resolveSibling("witness");
        Files.createDirectories(evidence);
        try (ForkedNewsroom newsroom = newsroom(dataDir).start()) {
            Http http = new Http(newsroom);
            Published story = publish(http, "Minister resigns");
            Witness witness = Witness.keep(http, evidence, story.position());
            Verifier.Run before = Verifier.run(
                    witness.keys(),
                    "export",
                    export(http, evidence.resolve("before.ndjson.gz")),
                    "--checkpoint",
                    witness.note().toString());
            assertThat(before.exit()).as(before.output()).isZero();
            newsroom.stop();

            rewritePublication(dataDir, story);

            newsroom.start();
            JsonNode integrity = http.getJson("/audit/articles/" + story.id() + "/integrity", "auditor");
            Path proof = Files.writeString(
                    evidence.resolve("inclusion.json"),
                    http.getJson(
                                    "/audit/log/proof/inclusion?position=" + story.position() + "&size="
                                            + witness.size(),
                                    null)
                            .toString());
            Verifier.Run inclusion = Verifier.run(
                    witness.keys(),
                    "inclusion",
                    "--checkpoint",
                    witness.note().toString(),
                    "--proof",
                    proof.toString());
            Verifier.Run exported = Verifier.run(
                    witness.keys(),
                    "export",
                    export(http, evidence.resolve("after.ndjson.gz")),
                    "--checkpoint",
                    witness.note().toString());
            // the next publication asks for a checkpoint at once: the signer finds its signed root gone and refuses
            Published later = publish(http, "Parliament sits again");
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> newsroom.output().contains("no longer has the root of checkpoint"));
            long latest =
                    http.getJson("/audit/log/checkpoint", null).path("size").asLong();

            Scenarios.report(
                    SCENARIO,
                    "publication at position " + story.position() + " rewritten (actor editor -> reporter, \"resigned\""
                            + " -> \"stayed\"), its chain and every tile recomputed; /integrity: valid="
                            + integrity.path("valid").asBoolean() + ", firstBadPosition "
                            + integrity.path("firstBadPosition").asLong() + " ("
                            + integrity.path("reason").asText()
                            + ")");
            Scenarios.report(
                    SCENARIO,
                    "against the witness's checkpoint of " + witness.size() + " events: inclusion proof "
                            + outcome(inclusion, witness) + ", export " + outcome(exported, witness)
                            + "; a later publication at position "
                            + later.position() + " left unsigned, the latest checkpoint still of " + latest
                            + " events");
            assertThat(latest).as("nothing signed over the rewritten log").isEqualTo(witness.size());
            assertThat(integrity.path("valid").asBoolean()).as("%s", integrity).isFalse();
            assertThat(integrity.path("reason").asText()).contains("rewritten");
            assertThat(inclusion.exit()).as(inclusion.output()).isEqualTo(1);
            assertThat(inclusion.output()).contains("is NOT in the signed tree");
            assertThat(exported.exit()).as(exported.output()).isEqualTo(1);
            assertThat(exported.output())
                    .contains("checkpoint file " + witness.note())
                    .contains("do not have its root")
                    .doesNotContain("hash chain broken");
        }
    }

    @Test
    void aDeletedTailWithItsCheckpointsIsCaughtByTheWitnesssCheckpoint() throws Exception {
        Path dataDir = Scenarios.dataDir("tampering-tail");
        Path evidence = dataDir.resolveSibling("witness");
        Files.createDirectories(evidence);
        try (ForkedNewsroom newsroom = newsroom(dataDir).start()) {
            Http http = new Http(newsroom);
            Published kept = publish(http, "A story that stays");
            // a checkpoint of the first story, which the tail's deletion leaves in the log
            Witness.keep(http, evidence.resolve("earlier"), kept.position());
            Published removed = publish(http, "A story that goes");
            Witness witness = Witness.keep(http, evidence, removed.position());
            newsroom.stop();

            long cut = deleteTailFrom(dataDir, removed.firstPosition());

            newsroom.start();
            long latest =
                    http.getJson("/audit/log/checkpoint", null).path("size").asLong();
            Http.Reply consistency =
                    http.get("/audit/log/proof/consistency?from=" + witness.size() + "&to=" + latest, null);
            JsonNode keptIntegrity = http.getJson("/audit/articles/" + kept.id() + "/integrity", "auditor");
            Verifier.Run exported = Verifier.run(
                    witness.keys(),
                    "export",
                    export(http, evidence.resolve("after.ndjson.gz")),
                    "--checkpoint",
                    witness.note().toString());

            Scenarios.report(
                    SCENARIO,
                    "positions from " + cut + " on deleted with the checkpoints signed after them, tiles and"
                            + " checkpoint index recomputed: the latest checkpoint signs " + latest
                            + " events, the witness holds one of " + witness.size() + " (consistency proof: "
                            + consistency.status() + " "
                            + consistency.json().path("code").asText()
                            + "); the kept article's /integrity: valid="
                            + keptIntegrity.path("valid").asBoolean()
                            + "; export against the witness's checkpoint " + outcome(exported, witness));
            assertThat(latest).isLessThan(witness.size());
            assertThat(consistency.isProblem(400, "invalid-request"))
                    .as("%s", consistency)
                    .isTrue();
            assertThat(exported.exit()).as(exported.output()).isEqualTo(1);
            assertThat(exported.output())
                    .contains("checkpoint file " + witness.note())
                    .contains("the log is shorter than a size it signed");
        }
    }

    private static ForkedNewsroom newsroom(Path dataDir) {
        return new ForkedNewsroom(dataDir).withEnvironment("NEWSROOM_SIGNING_KEY", ForkedNewsroom.TEST_SIGNING_KEY);
    }

    /** A story drafted by a reporter and published by an editor without a review (saying why). */
    private record Published(String id, long firstPosition, long position) {}

    private static Published publish(Http http, String headline) {
        Http.Reply drafted = http.post("/api/articles", "reporter", Map.of("headline", headline, "body", BODY));
        assertThat(drafted.status()).as("%s", drafted).isEqualTo(201);
        String id = drafted.json().path("id").asText();
        Http.Reply byline = http.call("PUT", "/api/articles/" + id + "/byline")
                .as("reporter")
                .json(Map.of("bylines", List.of(Map.of("name", "A. Reporter", "role", "author"))))
                .send();
        assertThat(byline.ok()).as("%s", byline).isTrue();
        Http.Reply published = http.post(
                "/api/articles/" + id + "/publish",
                "editor",
                Map.of("withoutReview", "Witnessed before the tampering"));
        assertThat(published.ok()).as("%s", published).isTrue();
        return new Published(id, drafted.position(), published.position());
    }

    /** The export of the running instance, through its route, as an operator: the file's path. */
    private static String export(Http http, Path file) {
        try {
            HttpResponse<Path> answer = http.client()
                    .send(
                            HttpRequest.newBuilder(http.uri("/admin/log/export"))
                                    .header("Authorization", Http.basic("operator", Http.PASSWORD))
                                    .build(),
                            HttpResponse.BodyHandlers.ofFile(file));
            assertThat(answer.statusCode()).isEqualTo(200);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The tamperer's first job: the publication made the reporter's, a word of its body changed, the hash of every
     * event of the article from it on recomputed, and the tree's tiles rebuilt from the log as it now is.
     */
    private static void rewritePublication(Path dataDir, Published story) {
        try (DataDirectory disk = DataDirectory.open(dataDir);
                EventLogStorageEngine log = EventLogConfiguration.engineFor(disk.database())) {
            MongoCollection<Document> events = disk.database().getCollection("events");
            String previous = HashChain.GENESIS;
            for (StoredEventView stored : log.storedEvents(story.id())) {
                Document commit = events.find(eq("seqKey", story.id() + "#" + stored.sequenceNumber()))
                        .first();
                assertThat(commit).as("one commit per event of the story").isNotNull();
                Document event = commit.getList("events", Document.class).get(0);
                if (stored.position() == story.position()) {
                    Document metaData = event.get("metaData", Document.class);
                    assertThat(metaData.getString("actor")).isEqualTo("editor");
                    metaData.put("actor", "reporter");
                    Document content = event.get("payload", Document.class).get("content", Document.class);
                    content.put("body", content.getString("body").replace("resigned", "stayed"));
                }
                if (stored.position() >= story.position()) {
                    event.put("hash", new StoredEventView("Article", story.id(), event).recomputeHash(previous));
                    events.replaceOne(eq("_id", commit.get("_id")), commit);
                }
                previous = event.getString("hash");
            }
            rebuildTiles(disk.database(), log);
        }
    }

    /**
     * The tamperer's second job: every commit from {@code from} on deleted (the checkpoints signed after them among
     * them), the checkpoint index made to end with the last checkpoint left in the log, and the tiles rebuilt.
     * Answers the first position deleted.
     */
    private static long deleteTailFrom(Path dataDir, long from) {
        try (DataDirectory disk = DataDirectory.open(dataDir);
                EventLogStorageEngine log = EventLogConfiguration.engineFor(disk.database())) {
            MongoDatabase database = disk.database();
            assertThat(database.getCollection("events")
                            .deleteMany(gte("_id", from))
                            .getDeletedCount())
                    .isPositive();
            MongoCollection<Document> index = database.getCollection(CheckpointStore.CHECKPOINTS);
            List<SignedCheckpoint> left = new ArrayList<>();
            for (long number = 0; ; number++) {
                var stored = log.storedEvent(ORIGIN, number);
                if (stored.isEmpty()) {
                    break;
                }
                left.add(SignedCheckpoint.fromEvent(number, stored.get().event()));
            }
            assertThat(left).as("a checkpoint before the deleted tail").isNotEmpty();
            index.deleteMany(gte("_id", (long) left.size()));
            database.getCollection(TileStore.TREE).deleteOne(eq("_id", "checkpoint"));
            new CheckpointStore(database).record(left.get(left.size() - 1));
            rebuildTiles(database, log);
            return from;
        }
    }

    /** What a tamperer who read docs/transparency.md does: every tile recomputed from the log as it now is. */
    private static void rebuildTiles(MongoDatabase database, EventLogStorageEngine log) {
        database.getCollection(TileStore.TILES).deleteMany(new Document());
        database.getCollection(TileStore.TREE).deleteOne(eq("_id", "head"));
        new TileStore(database)
                .extend(log, event -> !SignedCheckpoint.AGGREGATE_TYPE.equals(event.aggregateType()), 1_000);
    }

    /** The verifier's verdict: its first failure about the witness's checkpoint, else its first failure. */
    private static String outcome(Verifier.Run run, Witness witness) {
        if (run.exit() == 0) {
            return "verified";
        }
        List<String> failures = run.output()
                .lines()
                .filter(line -> line.startsWith("FAIL"))
                .map(line -> line.replace(witness.note().toString(), "of the witness"))
                .toList();
        return "FAILED: "
                + failures.stream()
                        .filter(line -> line.contains("of the witness"))
                        .findFirst()
                        .orElse(failures.isEmpty() ? "" : failures.get(0));
    }

    /** What a witness keeps: the log's verifier keys, given out of band, and the latest checkpoint's signed note. */
    private record Witness(List<String> keys, Path note, long size) {

        /** Waits until the latest checkpoint covers {@code position}, then keeps it. */
        static Witness keep(Http http, Path directory, long position) throws IOException {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> http.get("/audit/log/checkpoint", null)
                                    .json()
                                    .path("size")
                                    .asLong()
                            >= position);
            Http.Reply note = http.call("GET", "/audit/log/checkpoint")
                    .header("Accept", "text/plain")
                    .send();
            Http.Reply keys = http.call("GET", "/audit/log/public-key")
                    .header("Accept", "text/plain")
                    .send();
            assertThat(note.status()).isEqualTo(200);
            long size = Long.parseLong(note.body().split("\n")[1]);
            return new Witness(
                    List.of(keys.body().strip().split("\n")),
                    Files.writeString(Files.createDirectories(directory).resolve("checkpoint.note"), note.body()),
                    size);
        }
    }

    /** The offline verifier, run with python3 as the witness runs it. */
    private static final class Verifier {

        record Run(int exit, String output) {}

        static Run run(List<String> keys, String... arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("python3", VERIFIER.toString()));
            for (String key : keys) {
                command.add("--key");
                command.add(key);
            }
            command.addAll(List.of(arguments));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            System.out.println("$ " + String.join(" ", command) + "\n" + output);
            return new Run(process.exitValue(), output);
        }
    }
}
