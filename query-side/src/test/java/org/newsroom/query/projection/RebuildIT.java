package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.article.PhotoId;
import org.newsroom.command.article.AttachPhoto;
import org.newsroom.command.article.KillArticle;
import org.newsroom.command.article.Publication;
import org.newsroom.command.article.UnpublishArticle;
import org.newsroom.command.media.MediaUploads;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;
import org.newsroom.eventlog.LogGap;
import org.newsroom.eventlog.proof.CheckpointStore;
import org.newsroom.eventlog.proof.SignedCheckpoint;
import org.newsroom.media.MediaUploaded;
import org.newsroom.query.Ninjs;
import org.newsroom.query.QuerySideIT;
import org.newsroom.query.SampleStory;
import org.newsroom.testing.TestImages;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/** Rebuilds every projection from position 0 while the old version serves, and gets the same bytes. */
class RebuildIT extends QuerySideIT {

    @Autowired
    private MediaUploads uploads;

    @Autowired
    private Projections projections;

    @Autowired
    private MongoDatabase database;

    @Autowired
    private CheckpointStore checkpoints;

    @Test
    void aRebuildProducesByteIdenticalDocumentsAndSwitchesOver() {
        String slug = story("rebuild-story");
        story("rebuild-unpublished");
        send("editor", new UnpublishArticle(new ArticleId("rebuild-unpublished"), "embargo"));
        story("rebuild-killed");
        long head = send("editor", new KillArticle(new ArticleId("rebuild-killed"), "legal", "Removed."));
        for (String name : projections.names()) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> projections.positions().position(name) >= head);
        }

        for (String name : projections.names()) {
            ProjectionCollections before = projections.active(name);
            Map<String, List<String>> live = contents(name, before);
            assertThat(live.values())
                    .allSatisfy(documents -> assertThat(documents).isNotEmpty());

            JsonNode started = http.post("/actuator/projections/" + name + "/rebuild", OPERATOR)
                    .json();
            assertThat(started.path("version").asInt()).isEqualTo(before.version() + 1);
            JsonNode progress = finished(name);
            assertThat(progress.path("state").asText()).as(progress.toString()).isEqualTo("COMPLETED");
            assertThat(progress.path("done").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(progress.path("total").asLong())
                    .isEqualTo(progress.path("done").asLong());
            assertThat(progress.path("eventsPerSecond").asDouble()).isPositive();

            ProjectionCollections after = projections.active(name);
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(contents(name, after)).isEqualTo(live);
            assertThat(database.listCollectionNames().into(new ArrayList<>()))
                    .noneMatch(collection -> collection.startsWith(name + "_v" + before.version() + "_"));
            JsonNode status =
                    http.get("/actuator/projections/" + name, OPERATOR).json();
            assertThat(status.path("activeVersion").asInt()).isEqualTo(after.version());
        }

        JsonNode served = Ninjs.valid(http.get("/site/articles/" + slug, null).json());
        assertThat(served.path("uri").asText()).endsWith(slug);
        long afterRebuild = send("reporter", SampleStory.draft(new ArticleId("rebuild-after")));
        assertThat(http.get("/api/articles/rebuild-after?atLeast=" + afterRebuild, "editor")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRebuildOfALogEndingWithAGapCommitAndACheckpointCompletes() {
        story("rebuild-before-gap");
        long gap = appendGapCommit();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> checkpoints.latest().map(SignedCheckpoint::size).orElse(0L) >= gap);
        long head = engine.headPosition();
        assertThat(engine.storedEventsFrom(gap, 10))
                .as("the log ends with the gap commit and the checkpoint that covers it")
                .extracting(StoredEventView::aggregateType)
                .containsExactly(EventLogStorageEngine.GAP_AGGREGATE_TYPE, SignedCheckpoint.AGGREGATE_TYPE);
        for (String name : projections.names()) {
            await().atMost(Duration.ofSeconds(10))
                    .alias("the live projection " + name + " passes the log's own events")
                    .until(() -> projections.positions().position(name) >= head);
        }

        for (String name : projections.names()) {
            http.post("/actuator/projections/" + name + "/rebuild", OPERATOR);
            JsonNode progress = finished(name);
            assertThat(progress.path("state").asText())
                    .as("%s: %s", name, progress)
                    .isEqualTo("COMPLETED");
            assertThat(progress.path("done").asLong()).isGreaterThanOrEqualTo(head);
        }
    }

    /** The rebuild of {@code name} once it has ended, completed or failed. */
    private JsonNode finished(String name) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/actuator/projections/" + name + "/rebuild", OPERATOR)
                        .json()
                        .path("state")
                        .asText()
                        .matches("COMPLETED|FAILED"));
        return http.get("/actuator/projections/" + name + "/rebuild", OPERATOR).json();
    }

    /**
     * Appends, at the end of the log, a gap commit as {@link EventLogStorageEngine#fillHole} writes it (there is no
     * hole here, and none is needed: the projections read the event, whatever put it there). Answers its position.
     */
    private long appendGapCommit() {
        long position = engine.headPosition() + 1;
        engine.appendEvents(List.of(new GenericDomainEventMessage<>(
                EventLogStorageEngine.GAP_AGGREGATE_TYPE,
                "log-gap-" + position,
                0,
                new LogGap(position, "operator:test", "a test of the log's own events", Instant.now()),
                MetaData.with("actor", "operator:test"))));
        long stored = engine.storedEvent("log-gap-" + position, 0).orElseThrow().position();
        return stored;
    }

    private String story(String id) {
        ArticleId articleId = new ArticleId(id);
        send("reporter", SampleStory.draft(articleId));
        send("reporter", SampleStory.leadPhoto(articleId));
        send("reporter", libraryPhoto(articleId));
        send("editor", SampleStory.byline(articleId));
        Publication publication = sendFor("editor", SampleStory.publishWithoutReview(articleId));
        return publication.slug();
    }

    /** A photo uploaded into the media library, so that the media read model has an image, public once published. */
    private AttachPhoto libraryPhoto(ArticleId articleId) {
        MediaUploaded image = uploads.upload(new ByteArrayInputStream(TestImages.jpeg(400, 300)))
                .uploaded();
        return new AttachPhoto(
                articleId,
                new PhotoId("library"),
                "https://newsroom.example/media/" + image.mediaId().value() + "/original",
                "From the library",
                "AFP",
                "",
                image.mediaId(),
                image.renditions(),
                null);
    }

    /** Every document of every collection of a version, as its BSON bytes, in {@code _id} order. */
    private Map<String, List<String>> contents(String name, ProjectionCollections version) {
        Map<String, List<String>> contents = new LinkedHashMap<>();
        for (String collection : projections.model(name).collections()) {
            List<String> documents = new ArrayList<>();
            database.getCollection(version.collectionName(collection), RawBsonDocument.class)
                    .find()
                    .sort(Sorts.ascending("_id"))
                    .forEach(document -> documents.add(Base64.getEncoder()
                            .encodeToString(java.util.Arrays.copyOf(
                                    document.getByteBuffer().array(),
                                    document.getByteBuffer().remaining()))));
            contents.put(collection, documents);
        }
        return contents;
    }
}
