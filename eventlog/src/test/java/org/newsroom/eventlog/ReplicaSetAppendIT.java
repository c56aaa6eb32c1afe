package org.newsroom.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.newsroom.eventlog.EventLogFixture.drafted;
import static org.newsroom.eventlog.EventLogFixture.revised;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.platform.mongo.MongoConfiguration;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;
import org.newsroom.platform.web.MongoUnavailable;
import org.newsroom.testing.MongoFaultProxy;
import org.newsroom.testing.MongoFaultProxy.Command;
import org.newsroom.testing.MongoFaultProxy.Fault;

import com.mongodb.ReadConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * What a replica set answers when an append goes wrong, played by {@link MongoFaultProxy} in front of the embedded
 * server, which the driver then takes for a replica set's primary (with sessions, so retryable writes engage). The
 * connections are made as the application makes them ({@link MongoConfiguration#connect}: majority writes and reads).
 */
class ReplicaSetAppendIT {

    private static final Command APPEND = Command.insertInto("events");

    private final EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
    private final MongoFaultProxy proxy = open(server);
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        proxy.close();
        server.close();
    }

    @Test
    void aWriteConcernTimeoutOnAnAppendIsResolvedByReadingTheCommitBackAndTheLogGoesOn() {
        EventLogStorageEngine engine = engine(true);
        proxy.failNext(APPEND, Fault.writeConcernTimeout());

        engine.appendEvents(drafted("a1"));
        engine.appendEvents(revised("a1", 1, "after the timeout"));

        assertThat(proxy.pendingFaults()).isZero();
        assertThat(positions()).containsExactly(1L, 2L);
        assertThat(engine.storedEvents("a1")).hasSize(2);
    }

    @Test
    void aStepDownBeforeTheAppendIsRetriedByTheDriverAndStoredOnce() {
        EventLogStorageEngine engine = engine(true);
        proxy.failNext(APPEND, Fault.notWritablePrimary(false));

        engine.appendEvents(drafted("a1"));

        assertThat(proxy.received(APPEND)).isEqualTo(2);
        assertThat(positions()).containsExactly(1L);
    }

    @Test
    void aStepDownAfterTheAppendWasAppliedIsRetriedByTheDriverAndStoredOnce() {
        EventLogStorageEngine engine = engine(true);
        proxy.failNext(APPEND, Fault.notWritablePrimary(true));

        engine.appendEvents(drafted("a1"));
        engine.appendEvents(drafted("a2"));

        assertThat(proxy.received(APPEND)).isEqualTo(3);
        assertThat(positions()).containsExactly(1L, 2L);
    }

    @Test
    void withoutRetryableWritesAStepDownBeforeTheAppendIsAnUnknownOutcomeThatRecordedNothing() {
        EventLogStorageEngine engine = engine(false);
        proxy.failNext(APPEND, Fault.notWritablePrimary(false));

        Throwable failure = catchThrowable(() -> engine.appendEvents(drafted("a1")));
        engine.appendEvents(drafted("a2"));

        assertThat(failure).isInstanceOf(AppendOutcomeUnknown.class);
        assertThat(MongoUnavailable.outcomeUnknown(failure)).isTrue();
        assertThat(engine.storedEvents("a1")).isEmpty();
        assertThat(positions()).containsExactly(1L);
    }

    @Test
    void withoutRetryableWritesAStepDownAfterTheAppendIsResolvedByReadingItBack() {
        EventLogStorageEngine engine = engine(false);
        proxy.failNext(APPEND, Fault.notWritablePrimary(true));

        engine.appendEvents(drafted("a1"));
        engine.appendEvents(revised("a1", 1, "next"));

        assertThat(proxy.received(APPEND)).isEqualTo(2);
        assertThat(positions()).containsExactly(1L, 2L);
    }

    @Test
    void aConnectionDroppedAfterTheAppendWasAppliedIsRetriedByTheDriverAndStoredOnce() {
        EventLogStorageEngine engine = engine(true);
        proxy.failNext(APPEND, Fault.dropConnectionAfterApplying());

        engine.appendEvents(drafted("a1"));

        assertThat(proxy.received(APPEND)).isEqualTo(2);
        assertThat(positions()).containsExactly(1L);
    }

    @Test
    void withoutRetryableWritesAConnectionDroppedAfterTheAppendIsResolvedFromThePrimaryWhileMajorityReadsLag() {
        EventLogStorageEngine engine = engine(false);
        engine.appendEvents(drafted("a1"));
        proxy.lagMajorityReads("events", Duration.ofSeconds(30));
        proxy.failNext(APPEND, Fault.dropConnectionAfterApplying());

        engine.appendEvents(revised("a1", 1, "applied, answer lost"));

        assertThat(positions()).containsExactly(1L, 2L);
    }

    @Test
    void aPositionTakenByACommitNotYetInTheMajoritySnapshotIsNoFalseAlreadyExists() {
        EventLogStorageEngine first = engine(true);
        EventLogStorageEngine second = engine(true);
        first.appendEvents(drafted("a1"));
        second.appendEvents(drafted("a2"));
        proxy.lagMajorityReads("events", Duration.ofSeconds(30));

        first.appendEvents(drafted("brand-new"));

        assertThat(positions()).containsExactly(1L, 2L, 3L);
        assertThat(commitAt(3).getString("aggregateId")).isEqualTo("brand-new");
    }

    @Test
    void aSequenceNumberTakenByAnotherInstanceIsStillAConcurrentChangeWhileMajorityReadsLag() {
        EventLogStorageEngine first = engine(true);
        EventLogStorageEngine second = engine(true);
        first.appendEvents(drafted("a1"));
        first.appendEvents(drafted("a2"));
        second.appendEvents(revised("a1", 1, "second wins"));
        proxy.lagMajorityReads("events", Duration.ofSeconds(30));

        Throwable failure = catchThrowable(() -> first.appendEvents(revised("a1", 1, "first loses")));

        assertThat(failure)
                .isInstanceOf(ConcurrencyException.class)
                .isNotInstanceOf(AggregateStreamCreationException.class);
        assertThat(positions()).containsExactly(1L, 2L, 3L);
    }

    private EventLogStorageEngine engine(boolean retryWrites) {
        MongoConnection connection = MongoConfiguration.connect(
                proxy.connectionString() + "/newsroom?retryWrites=" + retryWrites,
                "newsroom",
                Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        opened.add(connection);
        assertThat(connection.database().getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
        EventLogStorageEngine engine = EventLogFixture.newEngine(connection.database(), 100);
        opened.add(engine);
        return engine;
    }

    private static MongoFaultProxy open(EmbeddedMongoServer server) {
        try {
            return new MongoFaultProxy(server.connectionString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document commitAt(long position) {
        try (MongoClient direct = MongoClients.create(server.connectionString())) {
            return direct.getDatabase("newsroom")
                    .getCollection("events")
                    .find(new Document("_id", position))
                    .first();
        }
    }

    /** Every global position stored, read on the server directly. */
    private List<Long> positions() {
        try (MongoClient direct = MongoClients.create(server.connectionString())) {
            List<Long> positions = new ArrayList<>();
            for (Document commit :
                    direct.getDatabase("newsroom").getCollection("events").find()) {
                for (Document event : commit.getList("events", Document.class)) {
                    positions.add(event.get("position", Number.class).longValue());
                }
            }
            positions.sort(Long::compare);
            return positions;
        }
    }
}
