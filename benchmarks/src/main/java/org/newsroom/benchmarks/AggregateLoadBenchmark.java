package org.newsroom.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.newsroom.article.ArticleEvent;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * How long loading an article takes, as Axon's {@link EventSourcingRepository} loads it for a command: the snapshot,
 * if any, then the events after it, applied to the real {@code Article} aggregate. Each article of N events is written
 * in commits of up to 100 events; with snapshots, the real {@link AggregateSnapshotter} snapshots it 19 events before
 * its end: the worst case, since the default threshold is 20, so a loaded article has 0–19 events after its snapshot. Without snapshots,
 * the same events are loaded through an engine whose snapshot collection is empty.
 */
final class AggregateLoadBenchmark {

    private static final String ARTICLE = "org.newsroom.command.article.Article";
    private static final int COMMIT = 100;
    private static final int AFTER_SNAPSHOT = 19;

    private final Options options;
    private final Results results;
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(EventLogConfiguration.messageObjectMapper())
            .build();
    // as the application's: a snapshot carries its aggregate's shape, and one without is not used
    private final Serializer snapshotSerializer =
            EventLogConfiguration.snapshotSerializerOf(EventLogConfiguration.snapshotObjectMapper());

    AggregateLoadBenchmark(Options options, Results results) {
        this.options = options;
        this.results = results;
    }

    @SuppressWarnings("unchecked")
    void run() throws Exception {
        Class<Object> article = (Class<Object>) Class.forName(ARTICLE);
        Path dataDir = Files.createTempDirectory("newsroom-aggregate-benchmark");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            results.section("Loading an article (EventSourcingRepository, H2 file backend)");
            MongoDatabase database = client.getDatabase("newsroom");
            EventLogStorageEngine engine = engine(database, "snapshots");
            EventLogStorageEngine noSnapshots = engine(database, "no_snapshots");
            EmbeddedEventStore store =
                    EmbeddedEventStore.builder().storageEngine(engine).build();
            EmbeddedEventStore storeWithoutSnapshots =
                    EmbeddedEventStore.builder().storageEngine(noSnapshots).build();
            try {
                EventSourcingRepository<Object> withSnapshots = EventSourcingRepository.builder(article)
                        .eventStore(store)
                        .build();
                EventSourcingRepository<Object> without = EventSourcingRepository.builder(article)
                        .eventStore(storeWithoutSnapshots)
                        .build();
                AggregateSnapshotter snapshotter = AggregateSnapshotter.builder()
                        .eventStore(store)
                        .aggregateFactories(new GenericAggregateFactory<>(article))
                        .build();
                measure(article, engine, withSnapshots, without, snapshotter);
            } finally {
                store.shutDown();
                storeWithoutSnapshots.shutDown();
                engine.close();
                noSnapshots.close();
            }
        } finally {
            Cleanup.delete(dataDir);
        }
    }

    private void measure(
            Class<Object> article,
            EventLogStorageEngine engine,
            EventSourcingRepository<Object> withSnapshots,
            EventSourcingRepository<Object> without,
            AggregateSnapshotter snapshotter) {
        int[] sizes = options.aggregateSizes();
        List<String> ids = new ArrayList<>();
        for (int size : sizes) {
            String id = "loaded-" + size;
            long started = System.nanoTime();
            boolean snapshot = size > AFTER_SNAPSHOT * 2;
            write(engine, id, 0, snapshot ? size - AFTER_SNAPSHOT : size);
            if (snapshot) {
                snapshotter.scheduleSnapshot(article, id);
                write(engine, id, size - AFTER_SNAPSHOT, AFTER_SNAPSHOT);
            }
            System.out.printf(
                    "wrote an article of %,d events%s in %.1f s%n",
                    size,
                    snapshot ? " with a snapshot " + AFTER_SNAPSHOT + " events before its end" : "",
                    (System.nanoTime() - started) / 1e9);
            ids.add(id);
        }
        for (int round = 0; round < 20; round++) {
            load(withSnapshots, ids.get(0));
            load(without, ids.get(0));
        }
        // loads with snapshots are cheap whatever the size: all sizes in turns, many rounds
        int rounds = Math.max(5, options.repeats() * 7);
        long eventsBefore = engine.domainEventsRead();
        double[] withSnapshot = Stats.interleavedMedians(
                rounds,
                ids.stream()
                        .map(id -> (java.util.function.DoubleSupplier) () -> load(withSnapshots, id))
                        .toArray(java.util.function.DoubleSupplier[]::new));
        long eventsPerRound = (engine.domainEventsRead() - eventsBefore) / rounds;
        for (int i = 0; i < sizes.length; i++) {
            int size = sizes[i];
            String id = ids.get(i);
            int repeats = size >= 10_000 ? Math.max(1, options.repeats()) : rounds;
            double withoutSnapshot = Stats.median(repeats, () -> load(without, id));
            if (i == 0) {
                results.row(
                        String.format("load an article of %,d events (snapshots on)", size),
                        "load_ms_" + size,
                        withSnapshot[i],
                        "ms");
            } else {
                results.row(
                        String.format("load an article of %,d events (snapshots on)", size),
                        "load_ms_" + size,
                        withSnapshot[i],
                        "ms",
                        "load_ms_" + sizes[0],
                        String.format("load of %,d events", sizes[0]),
                        "load_" + size + "_vs_" + sizes[0],
                        i == sizes.length - 1 ? Results.Target.atMost(2, "≤ 2") : null);
            }
            results.row(
                    String.format("load an article of %,d events, no snapshots", size),
                    "load_ms_" + size + "_no_snapshot",
                    withoutSnapshot,
                    "ms");
        }
        results.put("load_events_read_per_round_with_snapshots", eventsPerRound);
        results.note(String.format(
                "With snapshots a load reads the snapshot and the %d events after it; the "
                        + "loads of all sizes read %d events per round in all.",
                AFTER_SNAPSHOT, eventsPerRound));
    }

    private static double load(EventSourcingRepository<Object> repository, String id) {
        long started = System.nanoTime();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            repository.load(id);
        } finally {
            unitOfWork.rollback();
        }
        return (System.nanoTime() - started) / 1e6;
    }

    private static void write(EventLogStorageEngine engine, String id, int from, int count) {
        for (int start = from; start < from + count; start += COMMIT) {
            List<EventMessage<?>> commit = new ArrayList<>(COMMIT);
            for (int seq = start; seq < Math.min(start + COMMIT, from + count); seq++) {
                ArticleEvent event = seq == 0 ? Stories.drafted(id) : Stories.revised(id, seq);
                commit.add(Stories.message(id, seq, event, "editor"));
            }
            engine.appendEvents(commit);
        }
    }

    private EventLogStorageEngine engine(MongoDatabase database, String snapshots) {
        return EventLogStorageEngine.builder()
                .database(database)
                .snapshotsCollection(snapshots)
                .eventSerializer(serializer)
                .snapshotSerializer(snapshotSerializer)
                .batchSize(100)
                .build();
    }
}
