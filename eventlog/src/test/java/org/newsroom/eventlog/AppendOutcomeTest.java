package org.newsroom.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.platform.web.MongoUnavailable;
import org.newsroom.testing.SilenceableProxy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * An append that failed says whether it may have been stored. Found by the reliability suite (scenario 6): an append
 * sent into a partition timed out, the log could not be read back, and the command was answered 503 "nothing was
 * recorded"; when the partition healed, the append arrived and the event was in the log.
 */
class AppendOutcomeTest {

    @Test
    void anAppendSentIntoASilentConnectionIsOfUnknownOutcome() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
                SilenceableProxy proxy = new SilenceableProxy(server.connectionString());
                MongoClient client = connect(proxy)) {
            EventLogStorageEngine engine = EventLogFixture.newEngine(client.getDatabase("log"), 100);
            engine.appendEvents(List.of(event(0)));
            proxy.silence();

            Throwable failure = catchThrowable(() -> engine.appendEvents(List.of(event(1))));

            assertThat(failure).isInstanceOf(AppendOutcomeUnknown.class);
            assertThat(MongoUnavailable.outcomeUnknown(failure)).isTrue();
            engine.close();
        }
    }

    @Test
    void anAppendThatNeverReachedTheDatabaseRecordedNothing() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
                SilenceableProxy proxy = new SilenceableProxy(server.connectionString());
                MongoClient client = connect(proxy)) {
            EventLogStorageEngine engine = EventLogFixture.newEngine(client.getDatabase("log"), 100);
            engine.appendEvents(List.of(event(0)));
            proxy.refuse();
            // the first append may go out on a pooled connection that dies under it: its outcome is unknown;
            // after that the driver knows the server is gone and the next append is never sent
            catchThrowable(() -> engine.appendEvents(List.of(event(1))));

            Throwable failure = catchThrowable(() -> engine.appendEvents(List.of(event(1))));

            assertThat(failure).isInstanceOf(EventStoreException.class).isNotInstanceOf(AppendOutcomeUnknown.class);
            assertThat(MongoUnavailable.causedBy(failure)).isTrue();
            assertThat(MongoUnavailable.outcomeUnknown(failure)).isFalse();
            engine.close();
        }
    }

    /** Timeouts as the application sets them (newsroom.mongodb.timeout, .socket-timeout), only shorter. */
    private static MongoClient connect(SilenceableProxy proxy) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + proxy.port()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1500, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket ->
                        socket.connectTimeout(1500, TimeUnit.MILLISECONDS).readTimeout(800, TimeUnit.MILLISECONDS))
                .build());
    }

    private static GenericDomainEventMessage<Map<String, String>> event(long sequence) {
        return new GenericDomainEventMessage<>("Article", "a1", sequence, Map.of("headline", "h" + sequence));
    }
}
