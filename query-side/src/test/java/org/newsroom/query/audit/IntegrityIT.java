package org.newsroom.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.article.Byline;
import org.newsroom.command.article.AssignByline;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.command.article.ReviseArticle;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;
import org.newsroom.eventlog.HashChain;
import org.newsroom.eventlog.proof.CheckpointStore;
import org.newsroom.eventlog.proof.SignedCheckpoint;
import org.newsroom.eventlog.proof.TileStore;
import org.newsroom.query.QuerySideIT;
import org.newsroom.query.SampleStory;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * A tamperer with write access to the database, against {@code /integrity}: whatever they rewrite (the event, its
 * hash chain, the transparency log's tiles) or remove, the answer is checked against the latest signed checkpoint,
 * whose key is not in the database.
 */
class IntegrityIT extends QuerySideIT {

    @Autowired
    private MongoDatabase database;

    @Autowired
    private TileStore tiles;

    @Autowired
    private CheckpointStore checkpoints;

    private MongoCollection<Document> events;

    @BeforeEach
    void log() {
        events = database.getCollection("events");
    }

    @Test
    void anUntouchedLogIsValidUnderTheLatestSignedCheckpoint() {
        ArticleId id = new ArticleId("tamper01-untouched");
        long published = recordPublishedArticle(id);

        JsonNode report = integrity(id);

        assertThat(report.path("valid").asBoolean()).as("%s", report).isTrue();
        assertThat(report.path("events").asInt()).isEqualTo(5);
        assertThat(report.path("head").asText())
                .isEqualTo(engine.storedEvents(id.value()).get(4).hash());
        assertThat(report.path("checkpoint").path("size").asLong()).isGreaterThanOrEqualTo(published);
        assertThat(report.path("checkpoint").path("rootHash").asText())
                .isEqualTo(checkpoints.latest().orElseThrow().rootHash());
        assertThat(report.has("notYetCovered")).isFalse();
    }

    @Test
    void anEditorRewrittenAsReporterWithChainAndTilesRecomputedIsCaughtByTheSignedRoot() {
        ArticleId id = new ArticleId("tamper02-rewritten");
        long published = recordPublishedArticle(id);
        List<Document> originals = commitsOf(id, 0, 5);

        List<Document> forged = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (Document original : originals) {
            Document commit = Document.parse(original.toJson());
            Document event = commit.getList("events", Document.class).get(0);
            if (event.get("position", Number.class).longValue() == published) {
                Document metaData = event.get("metaData", Document.class);
                assertThat(metaData.getString("actor")).isEqualTo("editor");
                metaData.put("actor", "reporter");
            }
            event.put("hash", new StoredEventView("Article", id.value(), event).recomputeHash(previous));
            previous = event.getString("hash");
            forged.add(commit);
        }
        replaceAll(forged);
        rebuildTiles();
        try {
            assertThat(engine.storedEvents(id.value()))
                    .as("the forged chain recomputes")
                    .allSatisfy(event -> assertThat(event.hash()).isNotNull());
            JsonNode report = integrity(id);
            assertThat(report.path("valid").asBoolean()).as("%s", report).isFalse();
            assertThat(report.path("firstBadPosition").asLong())
                    .as("the first event the signed tree no longer holds: the first covered")
                    .isEqualTo(positionOf(originals.get(0)));
            assertThat(report.path("reason").asText())
                    .contains("signed checkpoint")
                    .contains("rewritten");
        } finally {
            replaceAll(originals);
            rebuildTiles();
        }
        assertThat(integrity(id).path("valid").asBoolean()).isTrue();
    }

    @Test
    void anEventRewrittenWithItsChainButNotTheTilesIsCaughtAtItsPosition() {
        ArticleId id = new ArticleId("tamper03-chain");
        long published = recordPublishedArticle(id);
        List<Document> originals = commitsOf(id, 0, 5);
        Document forged = Document.parse(originals.get(4).toJson());
        Document event = forged.getList("events", Document.class).get(0);
        event.get("metaData", Document.class).put("actor", "reporter");
        event.put(
                "hash",
                new StoredEventView("Article", id.value(), event)
                        .recomputeHash(originals
                                .get(3)
                                .getList("events", Document.class)
                                .get(0)
                                .getString("hash")));

        replaceAll(List.of(forged));
        try {
            JsonNode report = integrity(id);
            assertThat(report.path("valid").asBoolean()).as("%s", report).isFalse();
            assertThat(report.path("firstBadPosition").asLong()).isEqualTo(published);
            assertThat(report.path("reason").asText()).contains("altered after it was signed");
        } finally {
            replaceAll(originals);
        }
        assertThat(integrity(id).path("valid").asBoolean()).isTrue();
    }

    @Test
    void anAlteredEventFailsItsHashChainAtItsPosition() {
        ArticleId id = new ArticleId("tamper04-altered");
        recordPublishedArticle(id);
        Document second = commitsOf(id, 1, 1).get(0);
        Document altered = Document.parse(second.toJson());
        altered.getList("events", Document.class)
                .get(0)
                .get("payload", Document.class)
                .put("headline", "A headline nobody wrote");

        replaceAll(List.of(altered));
        try {
            JsonNode report = integrity(id);
            assertThat(report.path("valid").asBoolean()).isFalse();
            assertThat(report.path("firstBadPosition").asLong()).isEqualTo(positionOf(second));
            assertThat(report.path("reason").asText()).contains("hash");
        } finally {
            replaceAll(List.of(second));
        }
        assertThat(integrity(id).path("valid").asBoolean()).isTrue();
    }

    @Test
    void aRemovedEventInTheMiddleOrTheWholeTailIsMissingUnderTheCheckpoint() {
        ArticleId id = new ArticleId("tamper05-removed");
        recordPublishedArticle(id);
        Document middle = commitsOf(id, 2, 1).get(0);

        events.deleteOne(eq("_id", middle.get("_id")));
        try {
            JsonNode report = integrity(id);
            assertThat(report.path("valid").asBoolean()).isFalse();
            assertThat(report.path("firstBadPosition").asLong()).isEqualTo(positionOf(middle));
            assertThat(report.path("reason").asText()).contains("missing");
        } finally {
            events.replaceOne(eq("_id", middle.get("_id")), middle, new ReplaceOptions().upsert(true));
        }

        Document last = commitsOf(id, 4, 1).get(0);
        List<Document> tail = events.find(gte("_id", last.get("_id"))).into(new ArrayList<>());
        events.deleteMany(gte("_id", last.get("_id")));
        try {
            JsonNode report = integrity(id);
            assertThat(report.path("valid").asBoolean()).as("%s", report).isFalse();
            assertThat(report.path("events").asInt()).isEqualTo(4);
            assertThat(report.path("firstBadPosition").asLong()).isEqualTo(positionOf(last));
            assertThat(report.path("reason").asText()).contains("missing");
        } finally {
            events.insertMany(tail);
        }
        assertThat(integrity(id).path("valid").asBoolean()).isTrue();
    }

    /** Drafts, revises, signs and publishes an article (five events); answers the publication's position once signed. */
    private long recordPublishedArticle(ArticleId id) {
        send("reporter", new DraftArticle(id, "Original headline", null, "<p>One.</p>", "en"));
        send("reporter", new ReviseArticle(id, "Second headline", null, null, null));
        send("reporter", new ReviseArticle(id, null, null, "<p>Two.</p>", null));
        send("reporter", new AssignByline(id, List.of(new Byline("Angus MacKinnon", "author", "AFP"))));
        long published = send("editor", SampleStory.publishWithoutReview(id));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> checkpoints.latest().map(SignedCheckpoint::size).orElse(0L) >= published);
        return published;
    }

    private List<Document> commitsOf(ArticleId id, long firstSequence, int count) {
        List<Document> commits = new ArrayList<>();
        for (long seq = firstSequence; seq < firstSequence + count; seq++) {
            commits.add(events.find(eq("seqKey", id + "#" + seq)).first());
        }
        return commits;
    }

    private void replaceAll(List<Document> commits) {
        commits.forEach(commit -> events.replaceOne(eq("_id", commit.get("_id")), commit));
    }

    /** What a tamperer who read docs/transparency.md does: every tile recomputed from the log as it now is. */
    private void rebuildTiles() {
        database.getCollection(TileStore.TILES).deleteMany(new Document());
        database.getCollection(TileStore.TREE).deleteOne(eq("_id", "head"));
        tiles.extend(engine, event -> !"Log".equals(event.aggregateType()), 1_000);
    }

    private static long positionOf(Document commit) {
        return commit.get("_id", Number.class).longValue();
    }

    private JsonNode integrity(ArticleId id) {
        return http.get("/audit/articles/" + id + "/integrity", "auditor").json();
    }
}
