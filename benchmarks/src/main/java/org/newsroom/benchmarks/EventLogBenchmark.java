package org.newsroom.benchmarks;

import static com.mongodb.client.model.Filters.in;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleRevised;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.platform.mongo.EmbeddedMongoServer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * The event log against the storage's physical limit (raw driver inserts and {@code _id} reads of event-sized
 * documents) and against the peer (the Axon Mongo extension's storage engine), on the same embedded server in one
 * JVM. Every figure is the median of repeated runs; append and read rates are taken with a small and a large log to
 * show whether costs grow with the log.
 */
final class EventLogBenchmark {

    record Config(boolean inMemory, int small, int large, int appends, int peerAppends, int repeats) {
    }

    private static final int READ_BATCH = 100;
    private static final String BODY = "<p>" + "Libyan military strongman Khalifa Haftar held talks in Rome. ".repeat(12)
            + "</p>";

    private final Config config;
    private final PrintStream out;
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(EventLogConfiguration.messageObjectMapper()).build();
    private final AtomicLong articles = new AtomicLong();
    private final Map<String, Object> results = new LinkedHashMap<>();

    EventLogBenchmark(Config config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    Map<String, Object> run() throws Exception {
        Path dataDir = Files.createTempDirectory("eventlog-benchmark");
        try (EmbeddedMongoServer server = config.inMemory() ? EmbeddedMongoServer.startInMemory()
                : EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            results.put("backend", config.inMemory() ? "mongo-java-server, H2 in memory" : "mongo-java-server, H2 file");
            MongoDatabase database = client.getDatabase("newsroom");
            EventLogStorageEngine engine = EventLogStorageEngine.builder().database(database)
                    .eventSerializer(serializer).snapshotSerializer(serializer).batchSize(READ_BATCH).build();
            try {
                warmUp(engine, database);
                measureAt("small", config.small(), engine, database);
                measureAt("large", config.large(), engine, database);
            } finally {
                engine.close();
            }
            measurePeer(client.getDatabase("peer"));
            summarize();
            results.put("data_dir_bytes_per_1000_events", config.inMemory() ? 0 : bytesPer1000Events(dataDir, engine));
        }
        return results;
    }

    private void measureAt(String label, int logSize, EventLogStorageEngine engine, MongoDatabase database)
            throws Exception {
        fill(engine, logSize);
        MongoCollection<Document> raw = database.getCollection("raw_" + label);
        AtomicLong rawIds = new AtomicLong();
        int repeats = config.repeats();
        double rawInsert = Stats.median(repeats, () -> rawInsertOne(raw, rawIds, config.appends()));
        double append1 = Stats.median(repeats, () -> engineAppend(engine, 1, config.appends()));
        double append8 = Stats.median(repeats, () -> engineAppend(engine, 8, config.appends()));
        double command1 = Stats.median(repeats, () -> commandWorkload(engine, 1, config.peerAppends()));
        double command8 = Stats.median(repeats, () -> commandWorkload(engine, 8, config.peerAppends()));
        long head = engine.headPosition();
        long readCount = Math.min(head, 20_000);
        MongoCollection<Document> events = database.getCollection("events");
        double rawRead = Stats.median(repeats, () -> rawIdRead(events, readCount));
        double engineRead = Stats.median(repeats, () -> engineRead(engine, readCount));
        record(label, "log_size", head);
        record(label, "raw_insert_per_s", rawInsert);
        record(label, "engine_append_per_s_1t", append1);
        record(label, "engine_append_per_s_8t", append8);
        record(label, "engine_command_per_s_1t", command1);
        record(label, "engine_command_per_s_8t", command8);
        record(label, "raw_id_read_per_s", rawRead);
        record(label, "engine_read_per_s", engineRead);
        out.printf("%n== log of %,d events (%s)%n", head, results.get("backend"));
        line("raw driver insertOne", rawInsert, rawInsert, "raw insertOne");
        line("engine append, 1 thread", append1, rawInsert, "raw insertOne");
        line("engine append, 8 threads", append8, rawInsert, "raw insertOne");
        line("engine load+append, 1 thread", command1, rawInsert, "raw insertOne");
        line("engine load+append, 8 threads", command8, rawInsert, "raw insertOne");
        line("raw _id reads (batches of 100)", rawRead, rawRead, "raw _id reads");
        line("engine tracking read from 0", engineRead, rawRead, "raw _id reads");
    }

    /** The JIT compiles the hot paths before anything is timed. */
    private void warmUp(EventLogStorageEngine engine, MongoDatabase database) {
        int rounds = Math.max(100, config.appends() / 4);
        rawInsertOne(database.getCollection("raw_warmup"), new AtomicLong(), rounds);
        engineAppend(engine, 8, rounds);
        commandWorkload(engine, 8, rounds);
        engineRead(engine, engine.headPosition());
        rawIdRead(database.getCollection("events"), engine.headPosition());
    }

    private void measurePeer(MongoDatabase database) throws Exception {
        MongoEventStorageEngine peer = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        peer.ensureIndexes();
        int repeats = config.repeats();
        long started = System.nanoTime();
        engineAppend(peer, 8, config.small());
        out.printf("%nfilled the peer's log to %,d events in %.1f s%n", config.small(), (System.nanoTime() - started) / 1e9);
        double append1 = Stats.median(repeats, () -> engineAppend(peer, 1, config.peerAppends()));
        double append8 = Stats.median(repeats, () -> engineAppend(peer, 8, config.peerAppends()));
        double command1 = Stats.median(repeats, () -> commandWorkload(peer, 1, config.peerAppends()));
        double command8 = Stats.median(repeats, () -> commandWorkload(peer, 8, config.peerAppends()));
        long stored = config.small() + (long) repeats * config.peerAppends() * 6;
        long readCount = Math.min(stored, 20_000);
        double read = Stats.median(repeats, () -> peerRead(peer, readCount));
        results.put("peer_log_size", stored);
        results.put("peer_append_per_s", append1);
        results.put("peer_append_per_s_8t", append8);
        results.put("peer_command_per_s_1t", command1);
        results.put("peer_command_per_s_8t", command8);
        results.put("peer_read_per_s", read);
        double rawInsert = (double) results.get("small.raw_insert_per_s");
        double rawRead = (double) results.get("small.raw_id_read_per_s");
        out.printf("== the peer: Axon Mongo extension's MongoEventStorageEngine, log of %,d events%n", stored);
        line("peer append, 1 thread", append1, rawInsert, "raw insertOne");
        line("peer append, 8 threads", append8, rawInsert, "raw insertOne");
        line("peer load+append, 1 thread", command1, rawInsert, "raw insertOne");
        line("peer load+append, 8 threads", command8, rawInsert, "raw insertOne");
        line("peer tracking read from 0", read, rawRead, "raw _id reads");
    }

    private void summarize() {
        double engine1 = (double) results.get("small.engine_append_per_s_1t");
        double engine8 = (double) results.get("small.engine_append_per_s_8t");
        ratio("engine_append_1t_vs_raw_insert", engine1 / (double) results.get("small.raw_insert_per_s"));
        ratio("engine_append_1t_vs_peer", engine1 / (double) results.get("peer_append_per_s"));
        ratio("engine_append_8t_vs_peer_8t", engine8 / (double) results.get("peer_append_per_s_8t"));
        ratio("engine_load_append_1t_vs_peer",
                (double) results.get("small.engine_command_per_s_1t") / (double) results.get("peer_command_per_s_1t"));
        ratio("engine_load_append_8t_vs_peer",
                (double) results.get("small.engine_command_per_s_8t") / (double) results.get("peer_command_per_s_8t"));
        ratio("engine_read_vs_raw_id_read",
                (double) results.get("small.engine_read_per_s") / (double) results.get("small.raw_id_read_per_s"));
        ratio("engine_read_vs_peer_read",
                (double) results.get("small.engine_read_per_s") / (double) results.get("peer_read_per_s"));
        ratio("append_1t_large_vs_small",
                (double) results.get("large.engine_append_per_s_1t") / engine1);
        ratio("append_8t_large_vs_small", (double) results.get("large.engine_append_per_s_8t") / engine8);
        ratio("load_append_1t_large_vs_small", (double) results.get("large.engine_command_per_s_1t")
                / (double) results.get("small.engine_command_per_s_1t"));
        ratio("read_large_vs_small",
                (double) results.get("large.engine_read_per_s") / (double) results.get("small.engine_read_per_s"));
    }

    private void ratio(String name, double value) {
        results.put(name, value);
        out.printf("%-40s %6.2f%n", name, value);
    }

    private void record(String label, String name, Object value) {
        results.put(label + "." + name, value);
    }

    private void line(String what, double perSecond, double baseline, String baselineName) {
        out.printf("%-36s %10.0f events/s   %5.2f x %s%n", what, perSecond, perSecond / baseline, baselineName);
    }

    /** Fills the log to {@code size} events with 8 writers, as fast as the engine goes. */
    private void fill(EventLogStorageEngine engine, int size) throws Exception {
        long missing = size - engine.headPosition();
        if (missing > 0) {
            long started = System.nanoTime();
            engineAppend(engine, 8, (int) missing);
            out.printf("filled the log to %,d events in %.1f s%n", engine.headPosition(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    private double rawInsertOne(MongoCollection<Document> raw, AtomicLong ids, int count) {
        Document payload = Document.parse(serializer.serialize(drafted("raw"), String.class).getData());
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long id = ids.incrementAndGet();
            raw.insertOne(new Document("_id", id).append("aggregateId", "raw-" + id)
                    .append("events", List.of(new Document("position", id).append("payload", payload))));
        }
        return Stats.perSecond(count, System.nanoTime() - started);
    }

    private double engineAppend(EventStorageEngine engine, int threads, int count) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = count / threads + (t < count % threads ? 1 : 0);
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        String id = "article-" + articles.incrementAndGet();
                        engine.appendEvents(new GenericDomainEventMessage<>("Article", id, 0, drafted(id),
                                MetaData.with("actor", "reporter")));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            return Stats.perSecond(count, System.nanoTime() - started);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What a command on an existing article costs the store: load the article's events, append the next one. The
     * articles are drafted beforehand, outside the timed part.
     */
    private double commandWorkload(EventStorageEngine engine, int threads, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add("article-" + articles.incrementAndGet());
        }
        runInThreads(8, ids, id -> engine.appendEvents(new GenericDomainEventMessage<>("Article", id, 0, drafted(id),
                MetaData.with("actor", "reporter"))));
        long started = System.nanoTime();
        runInThreads(threads, ids, id -> {
            long loaded = engine.readEvents(id).asStream().filter(event -> event.getPayload() != null).count();
            if (loaded != 1) {
                throw new IllegalStateException("expected one event for " + id + ", loaded " + loaded);
            }
            engine.appendEvents(new GenericDomainEventMessage<>("Article", id, 1, revised(id),
                    MetaData.with("actor", "editor")));
        });
        return Stats.perSecond(count, System.nanoTime() - started);
    }

    private static void runInThreads(int threads, List<String> ids, java.util.function.Consumer<String> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> share = new ArrayList<>();
                for (int i = t; i < ids.size(); i += threads) {
                    share.add(ids.get(i));
                }
                workers.add(pool.submit(() -> share.forEach(work)));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double rawIdRead(MongoCollection<Document> events, long count) {
        long started = System.nanoTime();
        long read = 0;
        for (long from = 1; from <= count; from += READ_BATCH) {
            List<Long> ids = LongStream.range(from, Math.min(from + READ_BATCH, count + 1)).boxed().toList();
            for (Document ignored : events.find(in("_id", ids))) {
                read++;
            }
        }
        return Stats.perSecond(read, System.nanoTime() - started);
    }

    private static double engineRead(EventLogStorageEngine engine, long count) {
        long started = System.nanoTime();
        long read = engine.readEvents(new GlobalSequenceTrackingToken(0), false).limit(count)
                .filter(event -> event.getPayload() != null).count();
        return Stats.perSecond(read, System.nanoTime() - started);
    }

    private static double peerRead(EventStorageEngine peer, long count) {
        long started = System.nanoTime();
        long read = peer.readEvents(null, false).limit(count).filter(event -> event.getPayload() != null).count();
        return Stats.perSecond(read, System.nanoTime() - started);
    }

    private static ArticleRevised revised(String id) {
        return new ArticleRevised(new ArticleId(id), "Haftar and Meloni discuss migration in Rome", null, null, null);
    }

    private static ArticleDrafted drafted(String id) {
        return new ArticleDrafted(new ArticleId(id), "Libya's Haftar in Rome for talks with Italian PM",
                "The eastern strongman met Giorgia Meloni on Tuesday.", BODY, "en");
    }

    private static long bytesPer1000Events(Path dataDir, EventLogStorageEngine engine) {
        try (var files = Files.walk(dataDir)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
            return bytes * 1000 / Math.max(1, engine.knownHeadPosition());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
