package org.newsroom.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleRevised;
import org.newsroom.command.article.ArticleRuleViolation;
import org.newsroom.command.article.ReviseArticle;

/** Loading an article with 10,000 events reads its snapshot and only the events after it. */
class SnapshotIT {

    private static final int EVENTS = 10_000;
    private static final ArticleId ID = new ArticleId("long-running-story");
    private static CommandSideContext app;

    @BeforeAll
    static void start() throws Exception {
        app = new CommandSideContext(
                Files.createTempDirectory("snapshots"), "newsroom.eventlog.snapshot-threshold=100");
        appendHistory();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anArticleWithTenThousandEventsLoadsFromItsSnapshot() {
        long before = app.eventLog().domainEventsRead();
        app.commands().sendAndWait(new ReviseArticle(ID, "A headline after ten thousand edits", null, null, null));
        assertThat(app.eventLog().domainEventsRead() - before)
                .as("first load reads the whole history")
                .isGreaterThanOrEqualTo(EVENTS);

        Document snapshot = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> app.database()
                                .getCollection("snapshots")
                                .find(new Document("_id", ID.value()))
                                .first(),
                        found -> found != null && found.get("seq", Number.class).longValue() == EVENTS);
        assertThat(snapshot.get("payload", Document.class)
                        .get("workingCopy", Document.class)
                        .getString("headline"))
                .as("snapshots are readable JSON documents")
                .isEqualTo("A headline after ten thousand edits");

        long afterSnapshot = app.eventLog().domainEventsRead();
        assertThatThrownBy(() -> app.commands()
                        .sendAndWait(new ReviseArticle(ID, "A headline after ten thousand edits", null, null, null)))
                .as("the state restored from the snapshot knows the current headline")
                .isInstanceOfSatisfying(
                        ArticleRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo("nothing-to-revise"));
        app.commands().sendAndWait(new ReviseArticle(ID, "One more edit", null, null, null));

        assertThat(app.eventLog().domainEventsRead() - afterSnapshot)
                .as("events read by two loads after the snapshot")
                .isLessThanOrEqualTo(1);
    }

    /** Ten thousand events, appended straight to the log in commits of a hundred to keep the test fast. */
    private static void appendHistory() {
        List<DomainEventMessage<?>> commit = new ArrayList<>();
        for (int seq = 0; seq < EVENTS; seq++) {
            Object payload = seq == 0
                    ? new ArticleDrafted(ID, "Headline 0", "", "<p>Body</p>", "en")
                    : new ArticleRevised(ID, "Headline " + seq, null, null, null);
            commit.add(new GenericDomainEventMessage<>("Article", ID.value(), seq, payload, MetaData.emptyInstance()));
            if (commit.size() == 100) {
                app.eventLog().appendEvents(commit);
                commit = new ArrayList<>();
            }
        }
    }
}
