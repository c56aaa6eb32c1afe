package org.newsroom.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsroom.eventlog.EventLogFixture.drafted;
import static org.newsroom.eventlog.EventLogFixture.revised;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.testing.MutableClock;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A position missing for good (a restore that missed a commit, a manual delete) stops every reader there; it is
 * reported once it has been missing for the hole timeout while later positions are taken, and an operator fills it
 * with an audited gap commit.
 */
class LogHoleIT {

    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
    private final MongoClient client = MongoClients.create(server.connectionString());
    private final MongoDatabase database = client.getDatabase("newsroom");
    private final MutableClock clock = new MutableClock(NOON);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private EventLogStorageEngine engine = EventLogFixture.newEngine(database, 100, clock, TIMEOUT);

    LogHoleIT() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(LogHoles.class)).addAppender(logged);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(LogHoles.class)).detachAppender(logged);
        engine.close();
        client.close();
        server.close();
    }

    @Test
    void aPositionMissingLongerThanTheTimeoutWhileLaterOnesAreTakenIsReportedByHealthMetricAndLog() {
        appendThreeArticles();
        events().deleteOne(new Document("_id", 2L));
        EventLogConfiguration configuration = new EventLogConfiguration();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        configuration.eventLogHoleMetric(engine).bindTo(registry);

        assertThat(readAll()).containsExactly(1L);
        clock.advance(TIMEOUT.minusSeconds(1));
        assertThat(readAll()).containsExactly(1L);
        assertThat(engine.hole()).isEmpty();
        assertThat(configuration
                        .eventLogHealthIndicator(engine)
                        .health()
                        .getStatus()
                        .getCode())
                .isEqualTo("UP");
        assertThat(registry.get("newsroom.eventlog.hole.position").gauge().value())
                .isZero();
        assertThat(errors()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        readAll();

        assertThat(engine.hole()).contains(new LogHoles.Hole(2, NOON));
        Health health = configuration.eventLogHealthIndicator(engine).health();
        assertThat(health.getStatus().getCode()).isEqualTo(EventLogConfiguration.HOLE);
        assertThat(health.getDetails()).containsEntry("missingPosition", 2L).containsEntry("since", NOON.toString());
        assertThat(new SimpleStatusAggregator().getAggregateStatus(Status.UP, health.getStatus()))
                .as("a hole is reported, not an instance to take out of service")
                .isEqualTo(Status.UP);
        assertThat(registry.get("newsroom.eventlog.hole.position").gauge().value())
                .isEqualTo(2.0);
        assertThat(errors()).hasSize(1);
        assertThat(errors().get(0)).contains("position 2 has been missing since " + NOON);
    }

    @Test
    void theErrorIsLoggedAtMostOnceAMinute() {
        appendThreeArticles();
        events().deleteOne(new Document("_id", 2L));
        readAll();
        clock.advance(TIMEOUT);

        readAll();
        clock.advance(Duration.ofSeconds(59));
        readAll();
        assertThat(errors()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        readAll();

        assertThat(errors()).hasSize(2);
    }

    @Test
    void aReaderWhoseWindowEndsAtTheHoleLooksAheadOnceStuckThereForTheTimeout() {
        engine.close();
        engine = EventLogFixture.newEngine(database, 1, clock, TIMEOUT);
        appendThreeArticles();
        events().deleteOne(new Document("_id", 2L));

        assertThat(readAll()).containsExactly(1L);
        clock.advance(TIMEOUT);
        readAll();
        assertThat(engine.hole()).isEmpty();
        clock.advance(TIMEOUT);
        readAll();

        assertThat(engine.hole()).contains(new LogHoles.Hole(2, NOON.plus(TIMEOUT)));
    }

    @Test
    void aCommitThatTurnsUpBeforeTheTimeoutIsNoHole() {
        appendThreeArticles();
        Document late = events().findOneAndDelete(new Document("_id", 2L));
        assertThat(readAll()).containsExactly(1L);

        events().insertOne(late);
        assertThat(readAll()).containsExactly(1L, 2L, 3L);
        clock.advance(TIMEOUT.multipliedBy(2));
        readAll();

        assertThat(engine.hole()).isEmpty();
        assertThat(errors()).isEmpty();
    }

    @Test
    void aHoleFilledWithAGapCommitLetsReadersGoOnPastIt() {
        engine.appendEvents(drafted("a1"));
        engine.appendEvents(List.of(revised("a1", 1, "one"), revised("a1", 2, "two"), revised("a1", 3, "three")));
        engine.appendEvents(drafted("a2"));
        events().deleteOne(new Document("_id", 2L));
        assertThat(readAll()).containsExactly(1L);
        clock.advance(TIMEOUT);
        readAll();
        assertThat(engine.hole()).isPresent();

        EventLogStorageEngine.FilledHole filled = engine.fillHole(2, "ops", "the restore of 2 March missed it");

        assertThat(filled).isEqualTo(new EventLogStorageEngine.FilledHole(2, 4));
        List<? extends TrackedEventMessage<?>> read =
                engine.readEvents(new GlobalSequenceTrackingToken(0), false).toList();
        assertThat(read).extracting(LogHoleIT::position).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(read.subList(1, 4).stream()
                        .map(event -> (Object) event.getPayload())
                        .toList())
                .containsExactly(
                        new LogGap(2, "ops", "the restore of 2 March missed it", NOON.plus(TIMEOUT)),
                        new LogGap(3, "ops", "the restore of 2 March missed it", NOON.plus(TIMEOUT)),
                        new LogGap(4, "ops", "the restore of 2 March missed it", NOON.plus(TIMEOUT)));
        assertThat(engine.hole()).isEmpty();
        List<EventLogStorageEngine.StoredEventView> gap = engine.storedEvents("log-gap-2");
        assertThat(gap)
                .extracting(EventLogStorageEngine.StoredEventView::aggregateType)
                .containsOnly(EventLogStorageEngine.GAP_AGGREGATE_TYPE);
        String previous = HashChain.GENESIS;
        for (EventLogStorageEngine.StoredEventView event : gap) {
            assertThat(event.recomputeHash(previous)).isEqualTo(event.hash());
            previous = event.hash();
        }
        assertThat(gap.get(0).event().get("metaData", Document.class).getString("actor"))
                .isEqualTo("ops");
    }

    @Test
    void onlyTheStartOfAHoleFollowedByATakenPositionIsFilled() {
        engine.appendEvents(drafted("a1"));
        engine.appendEvents(List.of(revised("a1", 1, "one"), revised("a1", 2, "two")));
        engine.appendEvents(List.of(drafted("a2"), revised("a2", 1, "one")));
        engine.appendEvents(drafted("a3"));
        events().deleteOne(new Document("_id", 2L));

        assertThatThrownBy(() -> engine.fillHole(1, "ops", "why"))
                .isInstanceOf(HoleRepairRefused.class)
                .hasMessageContaining("position 1 is taken");
        assertThatThrownBy(() -> engine.fillHole(3, "ops", "why"))
                .isInstanceOf(HoleRepairRefused.class)
                .hasMessageContaining("starts at 2");
        assertThatThrownBy(() -> engine.fillHole(5, "ops", "why"))
                .isInstanceOf(HoleRepairRefused.class)
                .hasMessageContaining("position 5 belongs to the commit at 4");
        assertThatThrownBy(() -> engine.fillHole(7, "ops", "why"))
                .isInstanceOf(HoleRepairRefused.class)
                .hasMessageContaining("7 is the end of the log");
        assertThatThrownBy(() -> engine.fillHole(2, "ops", " ")).isInstanceOf(IllegalArgumentException.class);

        assertThat(events().countDocuments()).isEqualTo(3);
    }

    private void appendThreeArticles() {
        engine.appendEvents(drafted("a1"));
        engine.appendEvents(drafted("a2"));
        engine.appendEvents(drafted("a3"));
    }

    private List<Long> readAll() {
        return engine.readEvents(new GlobalSequenceTrackingToken(0), false)
                .map(LogHoleIT::position)
                .toList();
    }

    private static long position(TrackedEventMessage<?> event) {
        return ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }

    private List<String> errors() {
        return logged.list.stream()
                .filter(event -> event.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }
}
