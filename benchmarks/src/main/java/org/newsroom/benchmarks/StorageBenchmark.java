package org.newsroom.benchmarks;

import static com.mongodb.client.model.Filters.eq;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * The embedded store's size on disk per event, against the raw BSON it holds, and its open time and heap at that size.
 * One-event drafts are written the way the application writes them, each write durable and on its own: the event's
 * commit through our engine, the article's editorial document (replaced), an audit entry (inserted) and a processor's
 * token (updated), from 32 threads. Then 10 rounds revise the same (up to) 1,000 editorial documents in place, which
 * adds nothing live, so the directory should stay flat. Then the server is closed, opened again and its heap measured
 * after a full GC. {@code --storage-events=} sets the drafts (1,000,000 for the scale run).
 */
final class StorageBenchmark {

    private static final int WRITERS = 32;
    private static final int ROUNDS = 10;
    private static final int REVISED = 1_000;
    private static final double MB = 1024.0 * 1024.0;
    private static final List<String> PROCESSORS = List.of("editorial", "audit", "site");

    private static final String[] WORDS = ("the of and to in a is that for on was with he it as at by his from are"
                    + " Libya Haftar Rome talks military strongman minister Meloni Tripoli eastern government migration"
                    + " agreement Tuesday delegation coast guard oil ports ceasefire United Nations envoy parliament"
                    + " elections militia Benghazi Mediterranean Italy Europe border smuggling refugees statement"
                    + " spokesman officials meeting hours agenda security forces capital interview said would could"
                    + " after before during against between under several three two first last new")
            .split(" ");

    private final Options options;
    private final Results results;
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(EventLogConfiguration.messageObjectMapper())
            .build();

    StorageBenchmark(Options options, Results results) {
        this.options = options;
        this.results = results;
    }

    void run() throws Exception {
        int events = options.storageEvents();
        Path dataDir = Files.createTempDirectory("newsroom-storage-benchmark");
        try {
            results.section(String.format(Locale.ROOT, "Storage, %,d one-event drafts on the embedded store", events));
            List<String> ids = new ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                ids.add(String.format(Locale.ROOT, "%08d-storage", i));
            }
            Latencies latencies = new Latencies(events * 4 + ROUNDS * Math.min(REVISED, events) * 2);
            double[] roundMb = new double[ROUNDS];
            long filled;
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
                    MongoClient client = MongoClients.create(server.connectionString());
                    EventLogStorageEngine engine = EventLogStorageEngine.builder()
                            .database(client.getDatabase("newsroom"))
                            .eventSerializer(serializer)
                            .snapshotSerializer(serializer)
                            .build()) {
                MongoDatabase database = client.getDatabase("newsroom");
                MongoCollection<Document> editorial = database.getCollection("editorial_articles");
                MongoCollection<Document> audit = database.getCollection("audit_entries");
                MongoCollection<Document> tokens = database.getCollection("tracking_tokens");
                audit.createIndex(
                        Indexes.ascending("articleId", "sequence"),
                        new IndexOptions().unique(true).name("articleId_sequence"));
                long started = System.nanoTime();
                AtomicInteger written = new AtomicInteger();
                Workloads.runInThreads(WRITERS, ids, id -> {
                    int n = written.incrementAndGet();
                    latencies.time(() -> engine.appendEvents(Stories.message(id, 0, Stories.drafted(id), "reporter")));
                    latencies.time(() -> editorial.replaceOne(
                            eq("_id", id), editorialArticle(id, 0), new ReplaceOptions().upsert(true)));
                    latencies.time(() -> audit.insertOne(auditEntry(id, n)));
                    latencies.time(() -> tokens.updateOne(
                            eq("_id", PROCESSORS.get(n % PROCESSORS.size())),
                            Updates.combine(
                                    Updates.max("position", (long) n),
                                    Updates.set("owner", "node-1"),
                                    Updates.set("timestamp", new Date())),
                            new UpdateOptions().upsert(true)));
                });
                double fillSeconds = (System.nanoTime() - started) / 1e9;
                filled = engine.headPosition();
                System.out.printf(Locale.ROOT, "filled %,d events in %.1f s%n", filled, fillSeconds);
                results.put("storage_fill_events_per_s", filled / fillSeconds);
                printStatistics("after the drafts", server, dataDir);

                List<String> revised = ids.subList(0, Math.min(REVISED, ids.size()));
                for (int round = 1; round <= ROUNDS; round++) {
                    int revision = round;
                    Workloads.runInThreads(WRITERS, revised, id -> {
                        latencies.time(() -> editorial.replaceOne(eq("_id", id), editorialArticle(id, revision)));
                        latencies.time(
                                () -> tokens.updateOne(eq("_id", "editorial"), Updates.set("timestamp", new Date())));
                    });
                    roundMb[round - 1] = Cleanup.sizeOf(dataDir) / MB;
                }
                printStatistics("after the revision rounds", server, dataDir);

                long rawBytes = 0;
                for (String name : database.listCollectionNames()) {
                    long bytes = 0;
                    long documents = 0;
                    for (RawBsonDocument document : database.getCollection(name, RawBsonDocument.class)
                            .find()
                            .batchSize(1_000)) {
                        bytes += document.getByteBuffer().remaining();
                        documents++;
                    }
                    System.out.printf(
                            Locale.ROOT, "  %-24s %,12d documents %,14d BSON bytes%n", name, documents, bytes);
                    rawBytes += bytes;
                }
                double dirMb = Cleanup.sizeOf(dataDir) / MB;
                results.put("storage_events", filled);
                results.row(
                        "raw BSON of every document (log + read models + tokens)",
                        "storage_raw_mb",
                        rawBytes / MB,
                        "MB");
                results.row("data directory after the workload", "storage_dir_mb", dirMb, "MB");
                results.row("raw BSON per event", "storage_raw_kb_per_event", rawBytes / 1024.0 / filled, "KB");
                results.row(
                        "data directory per event",
                        "storage_dir_kb_per_event",
                        dirMb * 1024 / filled,
                        "KB",
                        "storage_raw_kb_per_event",
                        "raw BSON per event",
                        "storage_dir_vs_raw",
                        new Results.Target("≤ 3", 3, false));
                results.row("data directory after revision round 2", "storage_round2_mb", roundMb[1], "MB");
                results.row(
                        "data directory after revision round 10",
                        "storage_round10_mb",
                        roundMb[ROUNDS - 1],
                        "MB",
                        "storage_round2_mb",
                        "round 2",
                        "storage_round10_vs_round2",
                        new Results.Target("≤ 1.2", 1.2, false));
                results.row(
                        "write p99 (every write of the run)", "storage_write_p99_ms", latencies.percentile(99), "ms");
                results.row(
                        "worst write (every write of the run)",
                        "storage_write_max_ms",
                        latencies.percentile(100),
                        "ms");
            }
            results.row("data directory after close", "storage_closed_mb", Cleanup.sizeOf(dataDir) / MB, "MB");

            long heapBefore = heapAfterFullGc();
            long opening = System.nanoTime();
            try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
                    MongoClient client = MongoClients.create(server.connectionString())) {
                Document last = client.getDatabase("newsroom")
                        .getCollection("editorial_articles")
                        .find(eq("_id", ids.get(ids.size() - 1)))
                        .first();
                double openMs = (System.nanoTime() - opening) / 1e6;
                if (last == null) {
                    throw new IllegalStateException("the last article is missing after reopening");
                }
                results.row("open the data file and answer a first read", "storage_open_ms", openMs, "ms");
                long heapAfter = heapAfterFullGc();
                double heapMb = (heapAfter - heapBefore) / MB;
                results.row(
                        "heap used after a full GC, server open (whole JVM)", "storage_heap_mb", heapAfter / MB, "MB");
                results.row(
                        "heap held by the open server, after a full GC",
                        "storage_open_heap_mb",
                        heapMb,
                        "MB",
                        new Results.Target("< 256", 256, false));
                printStatistics("after reopening", server, dataDir);
            }
        } finally {
            Cleanup.delete(dataDir);
        }
    }

    /**
     * About as long as {@link Stories#BODY}, but words drawn at random, so that a store that compresses its pages is
     * not flattered by a body that repeats one sentence.
     */
    static String body(String id, int revision) {
        Random random = new Random(id.hashCode() * 31L + revision);
        StringBuilder body = new StringBuilder("<p>");
        while (body.length() < 740) {
            body.append(WORDS[random.nextInt(WORDS.length)]);
            body.append(random.nextInt(12) == 0 ? ". " : " ");
        }
        return body.append("</p>").toString();
    }

    private static Document editorialArticle(String id, int revision) {
        return new Document("_id", id)
                .append("headline", revision == 0 ? Stories.HEADLINE : Stories.HEADLINE + ", revision " + revision)
                .append("standfirst", Stories.STANDFIRST)
                .append("body", body(id, revision))
                .append("language", "en")
                .append("state", "DRAFT")
                .append("version", (long) revision)
                .append(
                        "bylines",
                        List.of(new Document("name", "Angus MacKinnon")
                                .append("role", "author")
                                .append("agency", "AFP")))
                .append("updatedBy", revision == 0 ? "reporter" : "editor")
                .append("updatedAt", new Date())
                .append("lastPosition", (long) revision);
    }

    private static Document auditEntry(String id, long position) {
        return new Document("_id", id + "/0")
                .append("articleId", id)
                .append("sequence", 0L)
                .append("position", position)
                .append("type", "ArticleDrafted")
                .append("actor", "reporter")
                .append("at", new Date())
                .append(
                        "changes",
                        List.of(
                                new Document("field", "headline").append("after", Stories.HEADLINE),
                                new Document("field", "standfirst").append("after", Stories.STANDFIRST),
                                new Document("field", "body").append("after", body(id, 0))));
    }

    private static void printStatistics(String when, EmbeddedMongoServer server, Path dataDir) {
        Map<String, String> figures = server.storeStatistics();
        System.out.printf(
                Locale.ROOT, "store %s: directory %.1f MB, H2 %s%n", when, Cleanup.sizeOf(dataDir) / MB, figures);
    }

    private static long heapAfterFullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Every write's duration, for the worst write and the 99th percentile. */
    private static final class Latencies {

        private final long[] nanos;
        private final AtomicInteger count = new AtomicInteger();

        Latencies(int capacity) {
            nanos = new long[capacity];
        }

        void time(Runnable write) {
            long started = System.nanoTime();
            write.run();
            int index = count.getAndIncrement();
            if (index < nanos.length) {
                nanos[index] = System.nanoTime() - started;
            }
        }

        double percentile(double percentile) {
            int n = Math.min(count.get(), nanos.length);
            long[] taken = new long[n];
            System.arraycopy(nanos, 0, taken, 0, n);
            return Stats.percentileMillis(taken, percentile);
        }
    }
}
