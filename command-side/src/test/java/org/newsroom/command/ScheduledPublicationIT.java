package org.newsroom.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.Byline;
import org.newsroom.command.article.AssignByline;
import org.newsroom.command.article.CancelScheduledPublication;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.command.article.SchedulePublication;
import org.newsroom.command.article.SubmitForReview;
import org.newsroom.command.schedule.PublicationSchedules;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.TokenStoreConfiguration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * A scheduled publication fires within a second of its time, exactly once: on one instance, on two instances sharing
 * one MongoDB, after the instance holding the claim died, and after the only instance was down past the time.
 */
class ScheduledPublicationIT {

    private static final Duration AHEAD = Duration.ofMillis(1_500);
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void aScheduleFiresOnceWithinASecondOfItsTimeRecordingItsLateness() throws Exception {
        try (CommandSideContext app = new CommandSideContext(Files.createTempDirectory("schedule"))) {
            ArticleId id = reviewedArticle(app);
            Instant at = schedule(app, id, Instant.now().plus(AHEAD));

            ArticlePublished published = awaitPublications(app, id, 1).get(0);

            Instant recorded = publicationTimes(app, id).get(0);
            assertThat(Duration.between(at, recorded)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
            assertThat(published.scheduledFor()).isEqualTo(at);
            assertThat(published.lateness()).isBetween(Duration.ZERO, Duration.ofSeconds(1));
            await().atMost(Duration.ofSeconds(5))
                    .alias("nothing left pending")
                    .until(() -> app.database()
                                    .getCollection(PublicationSchedules.COLLECTION)
                                    .countDocuments()
                            == 0);
            assertThat(publicationsAfterAWhile(app, id)).hasSize(1);
        }
    }

    @Test
    void aCancelledScheduleNeverFires() throws Exception {
        try (CommandSideContext app = new CommandSideContext(Files.createTempDirectory("schedule-cancelled"))) {
            ArticleId id = reviewedArticle(app);
            Instant at = schedule(app, id, Instant.now().plus(AHEAD));
            app.commands().sendAndWait(new CancelScheduledPublication(id));

            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(at.plusSeconds(2)));

            assertThat(publications(app, id)).isEmpty();
        }
    }

    @Test
    void twoInstancesOnOneStoreFireEachScheduleOnceFromTheOneHoldingTheClaim() throws Exception {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(Files.createTempDirectory("schedule-shared"));
                CommandSideContext first = instance(mongo);
                CommandSideContext second = instance(mongo)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> claimed(first) ^ claimed(second));
            List<ArticleId> articles = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                CommandSideContext via = i % 2 == 0 ? first : second;
                ArticleId id = reviewedArticle(via);
                schedule(via, id, Instant.now().plus(AHEAD));
                articles.add(id);
            }

            for (ArticleId id : articles) {
                awaitPublications(first, id, 1);
            }
            for (ArticleId id : articles) {
                assertThat(publicationsAfterAWhile(second, id))
                        .as("publications of %s", id)
                        .hasSize(1);
            }
            assertThat(claimed(first) ^ claimed(second))
                    .as("one instance holds the claim")
                    .isTrue();
        }
    }

    @Test
    void aClaimLeftByADeadInstanceIsTakenOverAndItsDueScheduleFires() throws Exception {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(Files.createTempDirectory("schedule-takeover"))) {
            ArticleId id;
            Instant at;
            try (CommandSideContext doomed = instance(mongo)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> claimed(doomed));
                id = reviewedArticle(doomed);
                at = schedule(doomed, id, Instant.now().plusSeconds(3));
            }
            // the instance dies holding the claim: a claim that is never released nor extended
            Instant claimExpires = claimAsADeadInstance(mongo).plus(CLAIM_TIMEOUT);

            try (CommandSideContext survivor = instance(mongo)) {
                Instant ready = Instant.now();
                ArticlePublished published = awaitPublications(survivor, id, 1).get(0);

                Instant firedAt = publicationTimes(survivor, id).get(0);
                Instant due = Stream.of(at, claimExpires, ready)
                        .max(Instant::compareTo)
                        .orElseThrow();
                assertThat(published.scheduledFor()).isEqualTo(at);
                assertThat(firedAt)
                        .as("not while the dead instance's claim held, and soon after it timed out")
                        .isAfter(claimExpires)
                        .isBefore(due.plusMillis(2_500));
                assertThat(publicationsAfterAWhile(survivor, id)).hasSize(1);
            }
        }
    }

    @Test
    void anInstanceDownPastTheTimeFiresTheOverdueScheduleAtStartRecordingHowLate() throws Exception {
        Path data = Files.createTempDirectory("schedule-downtime");
        ArticleId id;
        Instant at;
        try (CommandSideContext before = new CommandSideContext(data)) {
            id = reviewedArticle(before);
            at = schedule(before, id, Instant.now().plus(AHEAD));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> before.database()
                                    .getCollection(PublicationSchedules.COLLECTION)
                                    .countDocuments()
                            == 1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(at.plusSeconds(2)));

        try (CommandSideContext after = new CommandSideContext(data)) {
            ArticlePublished published = awaitPublications(after, id, 1).get(0);

            assertThat(published.scheduledFor()).isEqualTo(at);
            assertThat(published.lateness()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(Duration.between(at, publicationTimes(after, id).get(0)))
                    .as("recorded once the firing was handled, a moment after it was decided")
                    .isBetween(published.lateness(), published.lateness().plusSeconds(1));
            assertThat(publicationsAfterAWhile(after, id)).hasSize(1);
        }
    }

    private static CommandSideContext instance(EmbeddedMongoServer mongo) {
        return new CommandSideContext(
                Path.of("unused"),
                "newsroom.mongodb.uri=" + mongo.connectionString(),
                "newsroom.eventlog.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s");
    }

    private static ArticleId reviewedArticle(CommandSideContext app) {
        ArticleId id = new ArticleId("scheduled-" + UUID.randomUUID());
        app.commands().sendAndWait(new DraftArticle(id, "Haftar in Rome", null, "<p>Talks in Rome.</p>", "en"));
        app.commands().sendAndWait(new AssignByline(id, List.of(new Byline("Angus MacKinnon", null, "AFP"))));
        app.commands().sendAndWait(new SubmitForReview(id, null));
        return id;
    }

    private static Instant schedule(CommandSideContext app, ArticleId id, Instant at) {
        app.commands().sendAndWait(new SchedulePublication(id, UUID.randomUUID().toString(), at, Instant.now()));
        return at;
    }

    private static boolean claimed(CommandSideContext app) {
        return app.context
                .getBean(Configuration.class)
                .eventProcessingConfiguration()
                .eventProcessor(PublicationSchedules.PROCESSOR, StreamingEventProcessor.class)
                .map(processor -> !processor.processingStatus().isEmpty())
                .orElse(false);
    }

    /** Claims the processor's segment as an instance that then dies would have; answers when. */
    private static Instant claimAsADeadInstance(EmbeddedMongoServer mongo) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            TokenStore dead = MongoTokenStore.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder()
                            .mongoDatabase(client.getDatabase("newsroom"))
                            .trackingTokensCollectionName(TokenStoreConfiguration.TOKENS)
                            .build())
                    .serializer(JacksonSerializer.builder()
                            .objectMapper(EventLogConfiguration.messageObjectMapper())
                            .build())
                    .nodeId("an-instance-that-died")
                    .claimTimeout(CLAIM_TIMEOUT)
                    .build();
            Instant claimed = Instant.now();
            dead.fetchToken(PublicationSchedules.PROCESSOR, 0);
            return claimed;
        }
    }

    private static Stream<? extends DomainEventMessage<?>> events(CommandSideContext app, ArticleId id) {
        return app.context.getBean(EventStore.class).readEvents(id.value()).asStream();
    }

    private static List<ArticlePublished> publications(CommandSideContext app, ArticleId id) {
        return events(app, id)
                .map(DomainEventMessage::getPayload)
                .filter(ArticlePublished.class::isInstance)
                .map(ArticlePublished.class::cast)
                .toList();
    }

    private static List<Instant> publicationTimes(CommandSideContext app, ArticleId id) {
        return events(app, id)
                .filter(event -> event.getPayload() instanceof ArticlePublished)
                .map(DomainEventMessage::getTimestamp)
                .toList();
    }

    private static List<ArticlePublished> awaitPublications(CommandSideContext app, ArticleId id, int count) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> publications(app, id), found -> found.size() >= count);
    }

    /** The publications once three more check intervals (and a claim timeout) had the chance to fire it again. */
    private static List<ArticlePublished> publicationsAfterAWhile(CommandSideContext app, ArticleId id) {
        Instant until = Instant.now().plusSeconds(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(until));
        return publications(app, id);
    }
}
