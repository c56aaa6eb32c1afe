package org.newsroom.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsroom.eventlog.EventLogFixture.drafted;
import static org.newsroom.eventlog.EventLogFixture.revised;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleRevised;

/** The event log's invariants, through the real driver against the embedded server with its H2 file backend. */
class EventLogIT {

    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 500;
    private static final int TOTAL = WRITERS * APPENDS_PER_WRITER;

    private EventLogFixture log;
    private ExecutorService pool;

    @BeforeEach
    void start() throws Exception {
        log = new EventLogFixture();
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        log.close();
    }

    @Test
    void concurrentWritersGetGapFreePositionsEachExactlyOnce() throws Exception {
        runWriters();

        List<Long> positions = log.storedPositions();
        Collections.sort(positions);
        assertThat(positions)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, TOTAL).boxed().toList());
        assertThat(log.engine.headPosition()).isEqualTo(TOTAL);
    }

    @Test
    void aTrackingReaderStartedAtZeroDuringTheWritesSeesEveryEventInOrderOnce() throws Exception {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(log.engine)
                .fetchDelay(20)
                .build();
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            Future<List<Long>> reader = Executors.newSingleThreadExecutor().submit(() -> {
                List<Long> seen = new ArrayList<>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                // like Axon's processors: "nothing available yet" is not the end of the stream
                while (seen.size() < TOTAL && System.nanoTime() < deadline) {
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        seen.add(((GlobalSequenceTrackingToken)
                                        stream.nextAvailable().trackingToken())
                                .getGlobalIndex());
                    }
                }
                return seen;
            });

            runWriters();

            List<Long> seen = reader.get(60, TimeUnit.SECONDS);
            assertThat(seen)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, TOTAL).boxed().toList());
        } finally {
            store.shutDown();
        }
    }

    @Test
    void ofRacingAppendsAtOneSequenceNumberExactlyOneWinsAndNothingOfTheOthersIsStored() throws Exception {
        log.engine.appendEvents(drafted("race"));
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<String>> racers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String headline = "Headline by racer " + i;
            racers.add(pool.submit(() -> {
                gate.await();
                try {
                    log.engine.appendEvents(revised("race", 1, headline));
                    return headline;
                } catch (ConcurrencyException e) {
                    return null;
                }
            }));
        }
        gate.countDown();
        List<String> winners = new ArrayList<>();
        for (Future<String> racer : racers) {
            String won = racer.get(30, TimeUnit.SECONDS);
            if (won != null) {
                winners.add(won);
            }
        }

        assertThat(winners).hasSize(1);
        List<EventLogStorageEngine.StoredEventView> stored = log.engine.storedEvents("race");
        assertThat(stored)
                .extracting(EventLogStorageEngine.StoredEventView::sequenceNumber)
                .containsExactly(0L, 1L);
        assertThat(stored.get(1).event().get("payload", Document.class).getString("headline"))
                .isEqualTo(winners.get(0));
        assertThat(log.storedPositions()).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void reusingAnAggregateIdentifierIsRefused() {
        log.engine.appendEvents(drafted("twice"));

        assertThatThrownBy(() -> log.engine.appendEvents(drafted("twice")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(log.storedPositions()).containsExactly(1L);
    }

    @Test
    void aCommitOfSeveralEventsIsStoredWhole() {
        log.engine.appendEvents(drafted("multi"));
        log.engine.appendEvents(
                List.of(revised("multi", 1, "one"), revised("multi", 2, "two"), revised("multi", 3, "three")));

        assertThat(log.events().countDocuments()).isEqualTo(2);
        assertThat(log.engine.storedEvents("multi"))
                .extracting(EventLogStorageEngine.StoredEventView::position)
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(readAll())
                .extracting(event -> ((ArticleRevised) event.getPayload()).headline())
                .containsExactly("one", "two", "three");
    }

    @Test
    void aCommitThatCollidesAnywhereStoresNoneOfItsEventsAndLeavesNoGap() {
        log.engine.appendEvents(drafted("partial"));
        log.engine.appendEvents(revised("partial", 1, "first edit"));

        assertThatThrownBy(() -> log.engine.appendEvents(
                        List.of(revised("partial", 1, "stale one"), revised("partial", 2, "stale two"))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> log.engine.appendEvents(List.of(
                        revised("partial", 2, "fine"),
                        new GenericDomainEventMessage<>(
                                "Article", "partial", 3, new Unserializable(), MetaData.emptyInstance()))))
                .isInstanceOf(RuntimeException.class);

        assertThat(log.engine.storedEvents("partial")).hasSize(2);
        log.engine.appendEvents(revised("partial", 2, "next edit"));
        assertThat(log.storedPositions()).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void aCommitMustHoldConsecutiveEventsOfOneAggregate() {
        log.engine.appendEvents(drafted("a"));

        assertThatThrownBy(() -> log.engine.appendEvents(List.of(revised("a", 1, "x"), drafted("b"))))
                .isInstanceOf(EventStoreException.class);
        assertThatThrownBy(() -> log.engine.appendEvents(List.of(revised("a", 1, "x"), revised("a", 3, "y"))))
                .isInstanceOf(EventStoreException.class);
        assertThat(log.storedPositions()).containsExactly(1L);
    }

    @Test
    void aReaderAskedToResumeInsideACommitGetsTheRestOfIt() {
        log.engine.appendEvents(drafted("straddle"));
        log.engine.appendEvents(
                List.of(revised("straddle", 1, "1"), revised("straddle", 2, "2"), revised("straddle", 3, "3")));
        log.engine.appendEvents(revised("straddle", 4, "4"));

        EventLogStorageEngine fresh = EventLogFixture.newEngine(log.database, 100);
        try {
            assertThat(fresh.readEvents(new GlobalSequenceTrackingToken(2), false)
                            .map(event -> ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex())
                            .toList())
                    .containsExactly(3L, 4L, 5L);
            assertThat(fresh.readEvents("straddle", 3)
                            .asStream()
                            .map(e -> e.getSequenceNumber())
                            .toList())
                    .containsExactly(3L, 4L);
        } finally {
            fresh.close();
        }
    }

    @Test
    void eventsAreStoredAsReadableJsonDocumentsWithAHashChain() {
        log.engine.appendEvents(drafted("readable"));
        log.engine.appendEvents(revised("readable", 1, "Second headline"));

        Document commit = log.events().find(new Document("_id", 2L)).first();
        Document event = commit.getList("events", Document.class).get(0);
        assertThat(event.getString("payloadType")).isEqualTo(ArticleRevised.class.getName());
        assertThat(event.get("payload", Document.class).getString("headline")).isEqualTo("Second headline");
        assertThat(event.get("metaData", Document.class).getString("actor")).isEqualTo("editor");
        assertThat(commit.getString("seqKey")).isEqualTo("readable#1");

        List<EventLogStorageEngine.StoredEventView> stored = log.engine.storedEvents("readable");
        assertThat(stored.get(0).recomputeHash(HashChain.GENESIS))
                .isEqualTo(stored.get(0).hash());
        assertThat(stored.get(1).recomputeHash(stored.get(0).hash()))
                .isEqualTo(stored.get(1).hash());
    }

    private void runWriters() throws Exception {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CompletableFuture<?>[] writers = new CompletableFuture<?>[WRITERS];
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers[w] = CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                            try {
                                log.engine.appendEvents(drafted("w" + writer + "-" + i));
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        }
                    },
                    pool);
        }
        CompletableFuture.allOf(writers).get(120, TimeUnit.SECONDS);
        assertThat(failures).isEmpty();
    }

    private List<? extends org.axonframework.eventhandling.DomainEventMessage<?>> readAll() {
        return log.engine.readEvents("multi", 1).asStream().toList();
    }

    /** A payload Jackson cannot serialize. */
    static final class Unserializable {
        public Object getSelf() {
            return this;
        }
    }
}
