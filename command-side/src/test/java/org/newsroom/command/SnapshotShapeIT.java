package org.newsroom.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.ArticleRuleViolation;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.command.article.KillArticle;
import org.newsroom.command.article.ReviseArticle;

import com.mongodb.client.MongoCollection;

/**
 * A snapshot that no longer fits the aggregate's class is ignored, never trusted: a killed article whose snapshot
 * says otherwise still refuses every command, and the snapshot is replaced by one of the current shape. Each case
 * starts from the real snapshot the application wrote for a killed article (threshold 2: the kill writes it).
 */
class SnapshotShapeIT {

    private static CommandSideContext app;

    @BeforeAll
    static void start() throws Exception {
        app = new CommandSideContext(
                Files.createTempDirectory("snapshot-shapes"), "newsroom.eventlog.snapshot-threshold=2");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Iterable<Arguments> snapshotsThatNoLongerFit() {
        UnaryOperator<Document> renamedStatus = payload -> {
            payload.put("state", "DRAFT");
            payload.remove("status");
            return payload;
        };
        return java.util.List.of(
                Arguments.of(
                        "written before a rename of status to state, without a shape (an old snapshot)",
                        renamedStatus,
                        true),
                Arguments.of("of the current shape but with status renamed to state", renamedStatus, false),
                Arguments.of(
                        "of the current shape, with every field but one the class does not know",
                        (UnaryOperator<Document>) payload -> {
                            payload.put("status", "DRAFT");
                            payload.put("state", "KILLED");
                            return payload;
                        },
                        false),
                Arguments.of(
                        "of the current shape, with a null where the class has a primitive",
                        (UnaryOperator<Document>) payload -> {
                            payload.put("status", "DRAFT");
                            payload.put("publicationNumber", null);
                            payload.put("pendingChanges", null);
                            return payload;
                        },
                        false));
    }

    @ParameterizedTest(name = "a snapshot {0}")
    @MethodSource("snapshotsThatNoLongerFit")
    void aKilledArticleRefusesARevisionWhateverItsSnapshotSays(
            String what, UnaryOperator<Document> change, boolean withoutShape) {
        ArticleId id = new ArticleId("snapshot-" + UUID.randomUUID());
        app.commands().sendAndWait(new DraftArticle(id, "A story that will be killed", null, "<p>Body</p>", "en"));
        app.commands().sendAndWait(new KillArticle(id, "Legal risk", "This story was withdrawn."));
        Document written = awaitSnapshot(id, null);
        String shape = written.getString("revision");
        assertThat(written.get("payload", Document.class).getString("status")).isEqualTo("KILLED");

        Document tampered = Document.parse(written.toJson());
        tampered.put("payload", change.apply(tampered.get("payload", Document.class)));
        if (withoutShape) {
            tampered.remove("revision");
        }
        snapshots().replaceOne(new Document("_id", id.value()), tampered);

        long before = app.eventLog().domainEventsRead();
        assertThatThrownBy(() -> app.commands().sendAndWait(new ReviseArticle(id, "Revived?", null, null, null)))
                .isInstanceOfSatisfying(
                        ArticleRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("article-killed"));
        assertThat(app.eventLog().domainEventsRead() - before)
                .as("the article was loaded from its two events (a snapshot at its last event leaves none to read)")
                .isGreaterThanOrEqualTo(2);
        assertThat(app.eventLog().lastSequenceNumberFor(id.value())).contains(1L);

        Document replaced = awaitSnapshot(id, shape);
        assertThat(replaced.get("payload", Document.class))
                .as("the snapshot that did not fit was replaced by one of the current shape")
                .containsEntry("status", "KILLED")
                .doesNotContainKey("state");
    }

    /** The article's stored snapshot once it has the given shape (any, when null) and is not the tampered one. */
    private static Document awaitSnapshot(ArticleId id, String shape) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> snapshots().find(new Document("_id", id.value())).first(),
                        found -> found != null
                                && (shape == null || shape.equals(found.getString("revision")))
                                && "KILLED"
                                        .equals(found.get("payload", Document.class)
                                                .getString("status"))
                                && !found.get("payload", Document.class).containsKey("state"));
    }

    private static MongoCollection<Document> snapshots() {
        return app.database().getCollection("snapshots");
    }
}
