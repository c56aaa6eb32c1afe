package org.newsroom.query.transparency;

import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsroom.article.ArticleId;
import org.newsroom.article.Byline;
import org.newsroom.command.article.AssignByline;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.eventlog.BsonJson;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;
import org.newsroom.eventlog.proof.CheckpointStore;
import org.newsroom.eventlog.proof.SignedCheckpoint;
import org.newsroom.query.QuerySideIT;
import org.newsroom.query.SampleStory;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;

/**
 * The offline verifier (tools/verifier/newsroom_verify.py, run with python3 as a third party would) on an export of
 * this log written in the documented format, on tampered copies of it, and on proofs the routes answer.
 */
class VerifierIT extends QuerySideIT {

    private static final Path VERIFIER = Path.of("..", "tools", "verifier", "newsroom_verify.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private MongoDatabase database;

    @Autowired
    private CheckpointStore checkpoints;

    @TempDir
    Path directory;

    @Test
    void anExportVerifiesAgainstItsCheckpointsAndATamperedCopyDoesNot() throws Exception {
        long published = publish(new ArticleId("verifier-export"), "Fünf \"Zitate\" \\ und ein ✓ 😀");
        List<Document> commits = commitsUpTo(engine.headPosition());

        Run untouched = verify(
                "export",
                write("export.ndjson.gz", commits, UnaryOperator.identity()).toString());

        assertThat(untouched.exit()).as(untouched.output()).isZero();
        assertThat(untouched.output())
                .contains("OK    "
                        + commits.stream()
                                .mapToInt(
                                        c -> c.getList("events", Document.class).size())
                                .sum() + " events")
                .contains("checkpoint line")
                .contains("has its root")
                .contains("RESULT: OK");

        Path rewritten = write("rewritten.ndjson.gz", commits, commit -> {
            Document event = commit.getList("events", Document.class).get(0);
            if (event.get("position", Number.class).longValue() != published) {
                return commit;
            }
            Document forged = Document.parse(commit.toJson());
            Document forgedEvent = forged.getList("events", Document.class).get(0);
            forgedEvent.get("metaData", Document.class).put("actor", "reporter");
            String previous = engine.storedEvents("verifier-export").get(2).hash();
            forgedEvent.put(
                    "hash",
                    new StoredEventView("Article", "verifier-export", forgedEvent)
                            .recomputeHash(engine.storedEvents("verifier-export")
                                    .get(1)
                                    .hash()));
            assertThat(previous).isNotEqualTo(forgedEvent.getString("hash"));
            return forged;
        });
        Run tampered = verify("export", rewritten.toString());

        assertThat(tampered.exit()).as(tampered.output()).isEqualTo(1);
        assertThat(tampered.output())
                .contains("do not have its root")
                .doesNotContain("hash chain broken")
                .contains("RESULT: FAILED");

        List<Document> withoutOne = new ArrayList<>(commits);
        withoutOne.remove(commits.size() / 2);
        Run gap = verify(
                "export",
                write("gap.ndjson.gz", withoutOne, UnaryOperator.identity()).toString());
        assertThat(gap.exit()).as(gap.output()).isEqualTo(1);
        assertThat(gap.output()).contains("where position").contains("RESULT: FAILED");
    }

    @Test
    void proofsFromTheRoutesVerifyOfflineAndATamperedOneDoesNot() throws Exception {
        long first = publish(new ArticleId("verifier-proof-1"), "First");
        SignedCheckpoint older = checkpoints.latest().orElseThrow();
        long second = publish(new ArticleId("verifier-proof-2"), "Second");
        SignedCheckpoint newer = checkpoints.latest().orElseThrow();
        assertThat(newer.size()).isGreaterThan(older.size()).isGreaterThanOrEqualTo(second);
        Path oldNote = Files.writeString(directory.resolve("old.note"), older.note());
        Path newNote = Files.writeString(directory.resolve("new.note"), newer.note());

        String inclusion = http.get("/audit/log/proof/inclusion?position=" + first + "&size=" + newer.size(), null)
                .body();
        Path proof = Files.writeString(directory.resolve("inclusion.json"), inclusion);
        Run included = verify("inclusion", "--checkpoint", newNote.toString(), "--proof", proof.toString());
        assertThat(included.exit()).as(included.output()).isZero();
        assertThat(included.output()).contains("position " + first + " (leaf " + (first - 1));

        ObjectNode forged = (ObjectNode) JSON.readTree(inclusion);
        forged.withArray("path").set(0, forged.path("leafHash"));
        Path forgedProof = Files.writeString(directory.resolve("forged.json"), JSON.writeValueAsString(forged));
        Run refused = verify("inclusion", "--checkpoint", newNote.toString(), "--proof", forgedProof.toString());
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("is NOT in the signed tree");

        Path consistency = Files.writeString(
                directory.resolve("consistency.json"),
                http.get("/audit/log/proof/consistency?from=" + older.size() + "&to=" + newer.size(), null)
                        .body());
        Run consistent = verify(
                "consistency",
                "--old",
                oldNote.toString(),
                "--new",
                newNote.toString(),
                "--proof",
                consistency.toString());
        assertThat(consistent.exit()).as(consistent.output()).isZero();
        assertThat(consistent.output()).contains("is a prefix of the tree of " + newer.size());

        Run swapped = verify(
                "consistency",
                "--old",
                newNote.toString(),
                "--new",
                oldNote.toString(),
                "--proof",
                consistency.toString());
        assertThat(swapped.exit()).as(swapped.output()).isEqualTo(1);
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsNotTrusted() throws Exception {
        publish(new ArticleId("verifier-other-key"), "Other key");
        Path note = Files.writeString(
                directory.resolve("latest.note"),
                checkpoints.latest().orElseThrow().note());
        Path proof = Files.writeString(
                directory.resolve("proof.json"),
                http.get("/audit/log/proof/inclusion?position=1", null).body());

        Run run = runVerifier(List.of(
                "--key",
                "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
                "inclusion",
                "--checkpoint",
                note.toString(),
                "--proof",
                proof.toString()));

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("no signature of a known key");
    }

    /** Drafts, signs and publishes an article; answers its publication's position once a checkpoint covers it. */
    private long publish(ArticleId id, String headline) {
        send("reporter", new DraftArticle(id, headline, null, "<p>Ünïcödé &amp; more</p>", "de"));
        send("reporter", new AssignByline(id, List.of(new Byline("Angus MacKinnon", "author", "AFP"))));
        long position = send("editor", SampleStory.publishWithoutReview(id));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> checkpoints.latest().map(SignedCheckpoint::size).orElse(0L) >= position);
        return position;
    }

    private List<Document> commitsUpTo(long head) {
        List<Document> commits = database.getCollection("events")
                .find(in("_id", LongStream.rangeClosed(1, head).boxed().toList()))
                .into(new ArrayList<>());
        commits.sort((a, b) -> Long.compare(
                a.get("_id", Number.class).longValue(),
                b.get("_id", Number.class).longValue()));
        return commits;
    }

    /** Writes an export in the documented format, each commit through {@code change}, the latest checkpoint last. */
    private Path write(String name, List<Document> commits, UnaryOperator<Document> change) throws IOException {
        Path file = directory.resolve(name);
        long events = 0;
        long last = 0;
        for (Document commit : commits) {
            List<Document> stored = commit.getList("events", Document.class);
            events += stored.size();
            last = stored.get(stored.size() - 1).get("position", Number.class).longValue();
        }
        SignedCheckpoint checkpoint = checkpoints.latest().orElseThrow();
        try (Writer out =
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            line(
                    out,
                    JSON.createObjectNode()
                            .put("kind", "header")
                            .put("format", "newsroom-log-export/1")
                            .put("size", last)
                            .put("exportedAt", Instant.now().toString()));
            for (Document commit : commits) {
                ObjectNode stored = BsonJson.toJson(change.apply(commit));
                ObjectNode line = JSON.createObjectNode().put("kind", "commit");
                line.set("position", stored.get("_id"));
                stored.remove("_id");
                line.setAll(stored);
                line(out, line);
            }
            line(
                    out,
                    JSON.createObjectNode()
                            .put("kind", "checkpoint")
                            .put("size", checkpoint.size())
                            .put("rootHash", checkpoint.rootHash())
                            .put("timestamp", checkpoint.timestamp().toString())
                            .put("note", checkpoint.note()));
            line(
                    out,
                    JSON.createObjectNode()
                            .put("kind", "end")
                            .put("commits", commits.size())
                            .put("events", events));
        }
        return file;
    }

    private static void line(Writer out, ObjectNode line) throws IOException {
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
    }

    private Run verify(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        for (String key : http.get("/audit/log/public-key", null, "Accept", "text/plain")
                .body()
                .strip()
                .split("\n")) {
            command.add("--key");
            command.add(key);
        }
        command.addAll(List.of(arguments));
        return runVerifier(command);
    }

    private static Run runVerifier(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", VERIFIER.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println("$ " + String.join(" ", command) + "\n" + output);
        return new Run(process.exitValue(), output);
    }

    record Run(int exit, String output) {}
}
