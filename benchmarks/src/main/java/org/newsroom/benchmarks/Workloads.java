package org.newsroom.benchmarks;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.newsroom.article.ArticleDrafted;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/** The timed workloads, each returning operations per second. */
final class Workloads {

    static final int READ_BATCH = 100;

    private final Serializer serializer;
    private final AtomicLong articles = new AtomicLong();

    Workloads(Serializer serializer) {
        this.serializer = serializer;
    }

    String nextArticleId() {
        return "article-" + articles.incrementAndGet();
    }

    /**
     * Raw driver {@code insertOne} of documents exactly shaped and sized like a stored commit of one event (same
     * fields, same payload, a hash of the same length), into a collection with the same unique {@code seqKey} index:
     * the storage's own cost of what the engine stores, without the engine's work around it.
     */
    /** Raw driver inserts of event-sized commit documents, one {@code insertOne} each or {@code insertMany} batches. */
    double rawInsert(MongoCollection<Document> raw, AtomicLong ids, int count, int batch) {
        raw.createIndex(
                Indexes.ascending("seqKey"), new IndexOptions().unique(true).name("seqKey"));
        Document payload = Document.parse(
                serializer.serialize(Stories.drafted("raw"), String.class).getData());
        String hash = "0".repeat(64);
        List<Document> pending = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long id = ids.incrementAndGet();
            String aggregateId = "raw-" + id;
            Document event = new Document("position", id)
                    .append("seq", 0L)
                    .append("eventId", UUID.randomUUID().toString())
                    .append("payloadType", ArticleDrafted.class.getName())
                    .append("revision", "1")
                    .append("timestamp", new Date())
                    .append("payload", payload)
                    .append("metaData", new Document("actor", "reporter").append("correlationId", aggregateId + "/0"))
                    .append("hash", hash);
            pending.add(new Document("_id", id)
                    .append("commitId", UUID.randomUUID().toString())
                    .append("aggregateType", "Article")
                    .append("aggregateId", aggregateId)
                    .append("seqKey", aggregateId + "#0")
                    .append("events", List.of(event)));
            if (pending.size() == batch || i == count - 1) {
                if (batch == 1) {
                    raw.insertOne(pending.get(0));
                } else {
                    raw.insertMany(pending);
                }
                pending.clear();
            }
        }
        return Stats.perSecond(count, System.nanoTime() - started);
    }

    /** Appends of one new article each (one event per commit), spread over {@code threads} writers. */
    double append(EventStorageEngine engine, int threads, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(nextArticleId());
        }
        long started = System.nanoTime();
        runInThreads(threads, ids, id -> engine.appendEvents(Stories.message(id, 0, Stories.drafted(id), "reporter")));
        return Stats.perSecond(count, System.nanoTime() - started);
    }

    /**
     * What a command on an existing article costs the store: load the article's events, append the next one. The
     * articles are drafted beforehand, outside the timed part.
     */
    double command(EventStorageEngine engine, int threads, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(nextArticleId());
        }
        runInThreads(16, ids, id -> engine.appendEvents(Stories.message(id, 0, Stories.drafted(id), "reporter")));
        long started = System.nanoTime();
        runInThreads(threads, ids, id -> {
            long loaded = engine.readEvents(id)
                    .asStream()
                    .filter(event -> event.getPayload() != null)
                    .count();
            if (loaded != 1) {
                throw new IllegalStateException("expected one event for " + id + ", loaded " + loaded);
            }
            engine.appendEvents(Stories.message(id, 1, Stories.revised(id, 1), "editor"));
        });
        return Stats.perSecond(count, System.nanoTime() - started);
    }

    /** Raw {@code _id} reads of {@code count} stored commits, {@value #READ_BATCH} exact ids per query. */
    static double rawIdRead(MongoCollection<Document> events, long count) {
        long started = System.nanoTime();
        long read = 0;
        for (long from = 1; from <= count; from += READ_BATCH) {
            List<Long> ids = LongStream.range(from, Math.min(from + READ_BATCH, count + 1))
                    .boxed()
                    .toList();
            for (Document ignored : events.find(in("_id", ids))) {
                read++;
            }
        }
        return Stats.perSecond(read, System.nanoTime() - started);
    }

    /** A tracking reader from position 0 (our engine's tokens), payloads deserialized as a processor would. */
    static double trackingRead(EventStorageEngine engine, long count) {
        long started = System.nanoTime();
        long read = engine.readEvents(new GlobalSequenceTrackingToken(0), false)
                .limit(count)
                .filter(event -> event.getPayload() != null)
                .count();
        return Stats.perSecond(read, System.nanoTime() - started);
    }

    /** A tracking reader from the tail (the peer's own tokens), payloads deserialized. */
    static double peerRead(EventStorageEngine peer, long count) {
        long started = System.nanoTime();
        long read = peer.readEvents(null, false)
                .limit(count)
                .filter(event -> event.getPayload() != null)
                .count();
        return Stats.perSecond(read, System.nanoTime() - started);
    }

    static void runInThreads(int threads, List<String> ids, Consumer<String> work) {
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
