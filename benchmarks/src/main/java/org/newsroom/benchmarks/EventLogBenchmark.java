package org.newsroom.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * The event log against the storage's physical limit (raw driver {@code insertOne}, {@code insertMany} and {@code _id}
 * reads of event-sized documents) and against the peer (the Axon Mongo extension's {@code MongoEventStorageEngine}), on the
 * same embedded server in one JVM, with logs of the same size. Every figure is the median of repeated runs.
 */
final class EventLogBenchmark {

    /** Documents per raw {@code insertMany}: a projection batch's size. */
    private static final int BULK = 500;

    private final Options options;
    private final Results results;
    private final boolean inMemory;
    private final String prefix;
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(EventLogConfiguration.messageObjectMapper())
            .build();
    private final Workloads workloads = new Workloads(serializer);

    EventLogBenchmark(Options options, Results results, boolean inMemory) {
        this.options = options;
        this.results = results;
        this.inMemory = inMemory;
        this.prefix = inMemory ? "memory." : "";
    }

    void run() throws Exception {
        Path dataDir = Files.createTempDirectory("newsroom-eventlog-benchmark");
        try (EmbeddedMongoServer server =
                        inMemory ? EmbeddedMongoServer.startInMemory() : EmbeddedMongoServer.start(dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            results.section(
                    inMemory
                            ? "Event log, embedded server with the H2 in-memory backend (comparison)"
                            : "Event log, embedded default (mongo-java-server, H2 file backend)");
            MongoDatabase database = client.getDatabase("newsroom");
            EventLogStorageEngine engine = EventLogStorageEngine.builder()
                    .database(database)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .batchSize(Workloads.READ_BATCH)
                    .build();
            MongoEventStorageEngine peer = MongoEventStorageEngine.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder()
                            .mongoDatabase(client.getDatabase("peer"))
                            .build())
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .build();
            peer.ensureIndexes();
            try {
                measure(engine, peer, database);
            } finally {
                engine.close();
            }
        } finally {
            Cleanup.delete(dataDir);
        }
    }

    /**
     * Both logs are filled to the same size; then the reads, and then the appends, run in turns (raw, engine, peer,
     * raw, engine, peer, …) so that every ratio compares runs taken side by side.
     */
    private void measure(EventLogStorageEngine engine, MongoEventStorageEngine peer, MongoDatabase database) {
        int repeats = options.repeats();
        warmUp(engine, database);
        fill(engine, options.logSize());
        long started = System.nanoTime();
        workloads.append(peer, 16, options.logSize());
        System.out.printf(
                "filled the peer's log to %,d events in %.1f s%n",
                options.logSize(), (System.nanoTime() - started) / 1e9);
        results.put(prefix + "log_size", engine.headPosition());
        results.put(prefix + "peer_log_size", options.logSize());
        long readCount = Math.min(options.readCount(), engine.headPosition());
        long peerReadCount = Math.min(options.peerReadCount(), readCount);
        results.put(prefix + "read_count", readCount);
        results.put(prefix + "peer_read_count", peerReadCount);
        MongoCollection<Document> events = database.getCollection("events");
        double[] reads = Stats.interleavedMedians(
                repeats,
                () -> Workloads.rawIdRead(events, readCount),
                () -> Workloads.trackingRead(engine, readCount),
                () -> Workloads.peerRead(peer, peerReadCount));
        MongoCollection<Document> raw = database.getCollection("raw");
        AtomicLong rawIds = new AtomicLong();
        double[] appends = Stats.interleavedMedians(
                repeats,
                () -> workloads.rawInsert(raw, rawIds, options.appends(), 1),
                () -> workloads.append(engine, 1, options.appends()),
                () -> workloads.append(engine, 4, options.appends()),
                () -> workloads.append(engine, 16, options.appends()),
                () -> workloads.command(engine, 1, options.commands()),
                () -> workloads.command(engine, 16, options.commands()),
                () -> workloads.append(peer, 1, options.peerAppends()),
                () -> workloads.append(peer, 16, options.peerAppends()),
                () -> workloads.command(peer, 1, options.peerAppends()),
                () -> workloads.command(peer, 16, options.peerAppends()),
                () -> workloads.rawInsert(raw, rawIds, options.appends() * 5, BULK));

        results.row("raw driver insertOne (1 thread): the limit", prefix + "raw_insert_per_s", appends[0], "/s");
        results.row(
                "raw driver insertMany of " + BULK + " (1 thread): the bulk write limit",
                prefix + "raw_insert_many_per_s",
                appends[10],
                "docs/s");
        results.row(
                "engine append, 1 writer thread",
                prefix + "engine_append_per_s_1t",
                appends[1],
                "commits/s",
                prefix + "raw_insert_per_s",
                "raw insertOne",
                prefix + "engine_append_1t_vs_raw_insert",
                Results.Target.atLeast(0.5, "≥ 0.5"));
        results.row(
                "engine append, 4 writer threads",
                prefix + "engine_append_per_s_4t",
                appends[2],
                "commits/s",
                prefix + "raw_insert_per_s",
                "raw insertOne",
                prefix + "engine_append_4t_vs_raw_insert",
                null);
        results.row(
                "engine append, 16 writer threads",
                prefix + "engine_append_per_s_16t",
                appends[3],
                "commits/s",
                prefix + "raw_insert_per_s",
                "raw insertOne",
                prefix + "engine_append_16t_vs_raw_insert",
                null);
        results.row(
                "engine load+append (a command), 1 thread",
                prefix + "engine_command_per_s_1t",
                appends[4],
                "/s",
                prefix + "raw_insert_per_s",
                "raw insertOne",
                null,
                null);
        results.row(
                "engine load+append (a command), 16 threads",
                prefix + "engine_command_per_s_16t",
                appends[5],
                "/s",
                prefix + "raw_insert_per_s",
                "raw insertOne",
                null,
                null);
        results.row(
                String.format("raw _id reads, batches of 100 (log of %,d)", options.logSize()),
                prefix + "raw_id_read_per_s",
                reads[0],
                "docs/s");
        results.row(
                "engine tracking read from position 0",
                prefix + "engine_read_per_s",
                reads[1],
                "events/s",
                prefix + "raw_id_read_per_s",
                "raw _id reads",
                prefix + "engine_read_vs_raw_id_read",
                Results.Target.atLeast(0.5, "≥ 0.5"));
        results.row("peer append, 1 thread", prefix + "peer_append_per_s", appends[6], "/s");
        results.row("peer append, 16 threads", prefix + "peer_append_per_s_16t", appends[7], "/s");
        results.row("peer load+append (a command), 1 thread", prefix + "peer_command_per_s_1t", appends[8], "/s");
        results.row("peer load+append (a command), 16 threads", prefix + "peer_command_per_s_16t", appends[9], "/s");
        results.row(
                String.format("peer tracking read from the tail (log of %,d)", options.logSize()),
                prefix + "peer_read_per_s",
                reads[2],
                "events/s");
        Results.Target tenfold = Results.Target.atLeast(10, "≥ 10");
        ratio(
                "engine append 1 thread ÷ peer append 1 thread",
                "engine_append_per_s_1t",
                "peer_append_per_s",
                "engine_vs_peer_append_1t",
                tenfold);
        ratio(
                "engine append 16 threads ÷ peer append 16 threads",
                "engine_append_per_s_16t",
                "peer_append_per_s_16t",
                "engine_vs_peer_append_16t",
                tenfold);
        ratio(
                "engine command ÷ peer command, 1 thread",
                "engine_command_per_s_1t",
                "peer_command_per_s_1t",
                "engine_vs_peer_command_1t",
                tenfold);
        ratio(
                "engine command ÷ peer command, 16 threads",
                "engine_command_per_s_16t",
                "peer_command_per_s_16t",
                "engine_vs_peer_command_16t",
                tenfold);
        ratio("engine read ÷ peer read", "engine_read_per_s", "peer_read_per_s", "engine_vs_peer_read", tenfold);
    }

    /** The JIT compiles the hot paths before anything is timed. */
    private void warmUp(EventLogStorageEngine engine, MongoDatabase database) {
        int rounds = Math.max(50, options.appends() / 4);
        workloads.rawInsert(database.getCollection("raw_warmup"), new AtomicLong(), rounds, 1);
        workloads.append(engine, 16, rounds);
        workloads.command(engine, 16, Math.max(20, rounds / 4));
        Workloads.trackingRead(engine, engine.headPosition());
        Workloads.rawIdRead(database.getCollection("events"), engine.headPosition());
    }

    private void ratio(String what, String key, String peerKey, String ratioKey, Results.Target target) {
        results.row(
                what,
                prefix + key,
                results.get(prefix + key),
                "/s",
                prefix + peerKey,
                "peer",
                prefix + ratioKey,
                target);
    }

    private void fill(EventLogStorageEngine engine, int size) {
        long missing = size - engine.headPosition();
        if (missing > 0) {
            long started = System.nanoTime();
            workloads.append(engine, 16, (int) missing);
            System.out.printf(
                    "filled the log to %,d events in %.1f s%n",
                    engine.headPosition(), (System.nanoTime() - started) / 1e9);
        }
    }
}
