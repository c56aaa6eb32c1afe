package org.newsroom.eventlog.export;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleRevised;
import org.newsroom.eventlog.BsonJson;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;
import org.newsroom.eventlog.HashChain;
import org.newsroom.eventlog.proof.Checkpoint;
import org.newsroom.eventlog.proof.CheckpointStore;
import org.newsroom.eventlog.proof.Leaves;
import org.newsroom.eventlog.proof.MerkleTree;
import org.newsroom.eventlog.proof.NoteSigner;
import org.newsroom.eventlog.proof.SignedCheckpoint;
import org.newsroom.eventlog.proof.SignedNote;
import org.newsroom.eventlog.proof.TileStore;
import org.newsroom.log.CheckpointSigned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;

/**
 * Exports that carry checkpoints, and imports that trust them only as far as their signatures and roots go, on a log
 * whose checkpoints are signed and appended as the transparency log's signer does.
 */
class CheckpointedExportIT extends ExportEnds {

    private static final String ORIGIN = "newsroom.example/log";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NoteSigner key = NoteSigner.generate(ORIGIN);

    @Test
    void anExportCarriesTheLatestCheckpointAndOneSignedForExactlyItsSizeAndImportsUnderTheKey() throws IOException {
        stories(1, 3);
        SignedCheckpoint signed = signCheckpoint(0);
        stories(4, 1);
        long head = source.log.headPosition();
        assertThat(signed.size()).isEqualTo(6);
        assertThat(head).isEqualTo(9);

        Path file = directory.resolve("log.ndjson.gz");
        LogExport.Written written = export(file, null, signing());

        assertThat(written).isEqualTo(new LogExport.Written(9, 9, 9, 6, true, null));
        List<JsonNode> checkpoints = lines(file).stream()
                .filter(line -> line.path("kind").asText().equals("checkpoint"))
                .toList();
        assertThat(checkpoints).hasSize(2);
        assertThat(checkpoints.get(0).path("number").asLong()).isZero();
        assertThat(checkpoints.get(0).path("note").asText()).isEqualTo(signed.note());
        JsonNode forExport = checkpoints.get(1);
        assertThat(forExport.has("number")).as("not a checkpoint of the log").isFalse();
        Checkpoint opened =
                Checkpoint.parse(SignedNote.open(forExport.path("note").asText(), List.of(key.verifier())));
        assertThat(opened.size()).isEqualTo(head);
        assertThat(opened.rootHash()).isEqualTo(storedRoot());
        assertThat(forExport.path("rootHash").asText()).isEqualTo(opened.rootHashBase64());

        LogImport.Verified imported = new LogImport(target.log, target.database)
                .restore(file, CheckpointTrust.signedBy(List.of(key.verifier()), false));

        assertThat(imported).isEqualTo(new LogImport.Verified(9, 9, 9, 5, 3, 9));
        assertThat(target.log.storedEvent(ORIGIN, 0).map(StoredEventView::hash))
                .as("the checkpoint is in the log as the event it was")
                .isEqualTo(source.log.storedEvent(ORIGIN, 0).map(StoredEventView::hash));
    }

    @Test
    void anExportThatStopsBeforeTheLatestCheckpointIsSignedWhenTheStoredTreeProvesItAPrefix() throws IOException {
        stories(1, 3);
        signCheckpoint(0);
        Path file = directory.resolve("part.ndjson.gz");

        LogExport.Written written = export(file, "4", signing());

        assertThat(written).isEqualTo(new LogExport.Written(4, 4, 4, 0, true, null));
        assertThat(LogImport.verify(file, CheckpointTrust.signedBy(List.of(key.verifier()), false)))
                .isEqualTo(new LogImport.Verified(4, 4, 4, 2, 1, 4));
    }

    @Test
    void checkpointsOfAnUnknownKeyOrWhoseRootTheEventsDoNotHaveAreRefusedAndNothingIsWritten() throws IOException {
        stories(1, 3);
        signCheckpoint(0);
        stories(4, 1);
        Path file = directory.resolve("log.ndjson.gz");
        export(file, null, signing());
        Path rewritten = directory.resolve("rewritten.ndjson.gz");
        Files.write(
                rewritten,
                EmbeddedLog.gzip(rewriteLastEventOf(EmbeddedLog.gunzip(Files.readAllBytes(file)), "article-2")));

        assertThatThrownBy(() -> new LogImport(target.log, target.database)
                        .restore(file, CheckpointTrust.signedBy(List.of(), false)))
                .isInstanceOf(ImportRefused.class)
                .hasMessageContaining("no signature of a known key")
                .hasMessageContaining("no verifier key was given");
        assertThatThrownBy(() -> new LogImport(target.log, target.database)
                        .restore(
                                file,
                                CheckpointTrust.signedBy(
                                        List.of(NoteSigner.generate(ORIGIN).verifier()), false)))
                .isInstanceOf(ImportRefused.class)
                .hasMessageContaining("no signature of a known key");
        assertThatThrownBy(() -> new LogImport(target.log, target.database)
                        .restore(rewritten, CheckpointTrust.signedBy(List.of(key.verifier()), false)))
                .isInstanceOf(ImportRefused.class)
                .hasMessageContaining("checkpoint 0 of the log")
                .hasMessageContaining("the file's events have another");
        assertThat(target.database.getCollection("events").countDocuments()).isZero();
    }

    @Test
    void aFileWithoutAnyCheckpointIsTakenOnlyWhenToldTo() throws IOException {
        stories(1, 2);
        Path file = directory.resolve("unsigned.ndjson.gz");
        export(file, null, null);

        assertThatThrownBy(() -> LogImport.verify(file, CheckpointTrust.signedBy(List.of(key.verifier()), false)))
                .isInstanceOf(ImportRefused.class)
                .hasMessageContaining("holds no signed checkpoint")
                .hasMessageContaining("--no-checkpoint");
        assertThat(LogImport.verify(file, CheckpointTrust.signedBy(List.of(key.verifier()), true)))
                .isEqualTo(new LogImport.Verified(4, 4, 4, 2, 0, 0));
    }

    @Test
    void aLogRewrittenAfterItsCheckpointIsExportedButNeverSignedAgain() throws IOException {
        stories(1, 3);
        signCheckpoint(0);
        stories(4, 1);
        rewriteStoredEvent(source.database, "article-2", 1);
        Path file = directory.resolve("rewritten.ndjson.gz");

        LogExport.Written written = export(file, null, signing());

        assertThat(written.signedForExport()).isFalse();
        assertThat(written.notSigned())
                .contains("do not have the root checkpoint 0 signed")
                .contains("rewritten");
        assertThat(lines(file))
                .filteredOn(line -> line.path("kind").asText().equals("checkpoint"))
                .hasSize(1);
        assertThatThrownBy(() -> LogImport.verify(file, CheckpointTrust.rootsOnly()))
                .isInstanceOf(ImportRefused.class)
                .hasMessageContaining("the file's events have another");
    }

    /** Extends the tiles and appends a checkpoint of the whole log, as the transparency log's signer does. */
    private SignedCheckpoint signCheckpoint(long number) {
        TileStore tiles = new TileStore(source.database);
        long size = tiles.extend(
                        source.log, event -> !SignedCheckpoint.AGGREGATE_TYPE.equals(event.aggregateType()), 100)
                .size();
        Checkpoint checkpoint = new Checkpoint(ORIGIN, size, tiles.root(size));
        String note = SignedNote.sign(checkpoint.text(), key);
        Instant timestamp = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        source.log.appendEvents(List.of(new GenericDomainEventMessage<>(
                SignedCheckpoint.AGGREGATE_TYPE,
                ORIGIN,
                number,
                new CheckpointSigned(size, checkpoint.rootHashBase64(), timestamp, note))));
        SignedCheckpoint signed = new SignedCheckpoint(number, size, checkpoint.rootHashBase64(), timestamp, note);
        new CheckpointStore(source.database).record(signed);
        return signed;
    }

    private LogExport.Signing signing() {
        return new LogExport.Signing(key, List.of(key.verifier()));
    }

    private LogExport.Written export(Path file, String upTo, LogExport.Signing signing) throws IOException {
        LogExport export = new LogExport(source.log, source.database, signing, Clock.systemUTC());
        try (OutputStream out = Files.newOutputStream(file)) {
            return export.write(export.size(upTo), out);
        }
    }

    private byte[] storedRoot() {
        List<byte[]> leaves = new ArrayList<>();
        source.log.storedEventsFrom(1, Integer.MAX_VALUE).forEach(event -> leaves.add(Leaves.hash(event)));
        return MerkleTree.root(leaves);
    }

    /** {@code stories} articles from {@code first} on, each drafted and revised: two commits each. */
    private void stories(int first, int stories) {
        for (int number = first; number < first + stories; number++) {
            String id = "article-" + number;
            source.log.appendEvents(List.of(new GenericDomainEventMessage<>(
                    "Article",
                    id,
                    0,
                    new ArticleDrafted(new ArticleId(id), "Headline " + number, "", "<p>Body</p>", "en"),
                    MetaData.with("actor", "reporter"))));
            source.log.appendEvents(List.of(new GenericDomainEventMessage<>(
                    "Article",
                    id,
                    1,
                    new ArticleRevised(new ArticleId(id), "Headline " + number + " revised", null, null, null),
                    MetaData.with("actor", "editor"))));
        }
    }

    /** The export with the last event of {@code article} changed and its hash recomputed: its chain still holds. */
    private static String rewriteLastEventOf(String export, String article) throws IOException {
        StringBuilder out = new StringBuilder();
        String previousHash = HashChain.GENESIS;
        for (String text : export.split("\n")) {
            ObjectNode line = (ObjectNode) JSON.readTree(text);
            if (line.path("kind").asText().equals("commit")
                    && line.path("aggregateId").asText().equals(article)) {
                ObjectNode event = (ObjectNode) line.path("events").get(0);
                if (event.path("seq").asLong() == 1) {
                    ((ObjectNode) event.path("metaData")).put("actor", "reporter");
                    event.put(
                            "hash",
                            HashChain.hash(
                                    previousHash,
                                    event.path("position").asLong(),
                                    HashChain.canonical("Article", article, BsonJson.toDocument(event))));
                    text = JSON.writeValueAsString(line);
                } else {
                    previousHash = event.path("hash").asText();
                }
            }
            out.append(text).append('\n');
        }
        return out.toString();
    }

    /** The stored event of {@code article} at {@code seq} changed in the database, its hash recomputed. */
    private static void rewriteStoredEvent(MongoDatabase database, String article, long seq) {
        Document commit = database.getCollection("events")
                .find(eq("seqKey", article + "#" + seq))
                .first();
        Document previous = database.getCollection("events")
                .find(eq("seqKey", article + "#" + (seq - 1)))
                .first();
        Document event = commit.getList("events", Document.class).get(0);
        event.get("metaData", Document.class).put("actor", "reporter");
        event.put(
                "hash",
                new StoredEventView("Article", article, event)
                        .recomputeHash(previous.getList("events", Document.class)
                                .get(0)
                                .getString("hash")));
        database.getCollection("events").replaceOne(eq("_id", commit.get("_id")), commit);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String text : EmbeddedLog.gunzip(Files.readAllBytes(file)).split("\n")) {
            lines.add(JSON.readTree(text));
        }
        return lines;
    }
}
