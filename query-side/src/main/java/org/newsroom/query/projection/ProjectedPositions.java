package org.newsroom.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * How far each projection has got, shared by every instance through MongoDB: {@code projection_positions} holds
 * {@code {_id: "site", segments: {"0": 812, "1": 815}}}, for each segment the global position up to which its events
 * are written (flushed, not just claimed), raised with {@code $max} by whichever instance processes the segment. A
 * projection has reached a position when every segment the token store lists has. The same collection holds
 * {@code {_id: "log", head: 815}}, the log's head as the instances that appended announce it.
 * <p>
 * Readers that wait for their own write ({@code ?atLeast=}) wait here without a thread: a waiter is completed when
 * this instance writes a batch that gets the projection there, when a poll of MongoDB (one query per interval for all
 * the waiters of all projections, {@link ProjectionSync}) finds that another instance did, or when its time is up.
 */
public final class ProjectedPositions {

    static final String COLLECTION = "projection_positions";
    static final String LOG = "log";
    private static final String ID = "_id";
    private static final String SEGMENTS = "segments";
    private static final String HEAD = "head";
    private static final long SEGMENT_LIST_MAX_AGE_NANOS = 1_000_000_000L;

    private final MongoCollection<Document> positions;
    private final Function<String, int[]> segmentsOf;
    /** This instance's copy of the shared positions: only ever raised, by what it wrote or read from MongoDB. */
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    /** The reads of this instance waiting for a position: this instance's requests, nobody else's. */
    private final Map<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();

    /** The log's head as last read from MongoDB or announced by this instance: a copy, never the truth. */
    private final AtomicLong logHead = new AtomicLong();

    private volatile Runnable afterLocalWrite = () -> {};
    private final AtomicLong waiterIds = new AtomicLong();

    /** One projection's positions as this instance knows them. */
    private static final class Known {
        final Map<Integer, Long> segments = new ConcurrentHashMap<>();
        volatile int[] current = new int[0];
        volatile boolean listed;
        volatile long segmentsReadAtNanos;

        void raise(Map<Integer, Long> reached) {
            reached.forEach((segment, position) -> segments.merge(segment, position, Math::max));
        }

        long position() {
            int[] listed = current;
            if (listed.length == 0) {
                return 0;
            }
            long lowest = Long.MAX_VALUE;
            for (int segment : listed) {
                lowest = Math.min(lowest, segments.getOrDefault(segment, 0L));
            }
            return lowest;
        }

        long highest() {
            return segments.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    private record Waiter(long id, long wanted, long deadlineNanos, CompletableFuture<Boolean> reached)
            implements Comparable<Waiter> {
        @Override
        public int compareTo(Waiter other) {
            int byWanted = Long.compare(wanted, other.wanted);
            return byWanted != 0 ? byWanted : Long.compare(id, other.id);
        }
    }

    /**
     * @param segmentsOf the segments a projection's processor has in the token store (Axon's
     *                   {@code TokenStore.fetchSegments})
     */
    ProjectedPositions(MongoDatabase database, Function<String, int[]> segmentsOf) {
        this.positions = database.getCollection(COLLECTION);
        this.segmentsOf = segmentsOf;
    }

    /** The position up to which {@code projection} is written by every instance, read from MongoDB now. */
    public long position(String projection) {
        Known projected = known(projection);
        refreshSegments(projection, projected, true);
        read(List.of(projection));
        return projected.position();
    }

    /**
     * The position up to which {@code projection} is written, read from MongoDB now with one query (the list of
     * segments may be a second old).
     */
    public long currentPosition(String projection) {
        Known projected = known(projection);
        refreshSegments(projection, projected, false);
        read(List.of(projection));
        wake(projection);
        return projected.position();
    }

    /** The position up to which {@code projection} is written, as this instance last knew it (never ahead). */
    public long knownPosition(String projection) {
        Known projected = known(projection);
        refreshSegments(projection, projected, false);
        return projected.position();
    }

    /** Each segment's position, read from MongoDB now. */
    public Map<Integer, Long> segments(String projection) {
        Known projected = known(projection);
        refreshSegments(projection, projected, true);
        read(List.of(projection));
        Map<Integer, Long> segments = new TreeMap<>();
        for (int segment : projected.current) {
            segments.put(segment, projected.segments.getOrDefault(segment, 0L));
        }
        return segments;
    }

    /** The highest position any segment of {@code projection} has written, read from MongoDB now. */
    long highestWritten(String projection) {
        read(List.of(projection));
        return known(projection).highest();
    }

    /** How many segments the projection's processor has (what the token store listed last). */
    int segmentCount(String projection, int otherwise) {
        Known projected = known(projection);
        refreshSegments(projection, projected, false);
        int count = projected.current.length;
        return count > 0 ? count : otherwise;
    }

    /**
     * Waits, without a thread, until {@code projection} has reached {@code wanted}: true once it has, false after
     * {@code timeoutNanos}. {@link #expire} and {@link #poll} must be called regularly.
     */
    public CompletableFuture<Boolean> await(String projection, long wanted, long timeoutNanos) {
        if (knownPosition(projection) >= wanted) {
            return CompletableFuture.completedFuture(true);
        }
        Waiter waiter = new Waiter(
                waiterIds.incrementAndGet(), wanted, System.nanoTime() + timeoutNanos, new CompletableFuture<>());
        waiters.computeIfAbsent(projection, name -> new ConcurrentSkipListSet<>())
                .add(waiter);
        waiter.reached()
                .whenComplete((reached, error) -> waiters.get(projection).remove(waiter));
        wake(projection);
        return waiter.reached();
    }

    /** The projections someone on this instance waits for. */
    Set<String> awaited() {
        Set<String> awaited = new HashSet<>();
        waiters.forEach((projection, waiting) -> {
            if (!waiting.isEmpty()) {
                awaited.add(projection);
            }
        });
        return awaited;
    }

    /** Answers false to the waiters whose time is up. */
    void expire() {
        long now = System.nanoTime();
        waiters.values()
                .forEach(waiting -> waiting.forEach(waiter -> {
                    if (now - waiter.deadlineNanos() >= 0) {
                        waiter.reached().complete(false);
                    }
                }));
    }

    /**
     * Records what this instance has just written, before it is published: its own waiters need not wait for
     * MongoDB.
     */
    void written(String projection, int segment, long position) {
        known(projection).raise(Map.of(segment, position));
        wake(projection);
        afterLocalWrite.run();
    }

    /** What to do after this instance has written a batch: publish soon. */
    void afterLocalWrite(Runnable then) {
        afterLocalWrite = then;
    }

    /** Publishes the positions this instance's segments have written (only ever raising what is stored). */
    void publish(String projection, Map<Integer, Long> reached) {
        if (reached.isEmpty()) {
            return;
        }
        List<Bson> raises = new ArrayList<>();
        reached.forEach((segment, position) -> raises.add(Updates.max(SEGMENTS + "." + segment, position)));
        positions.updateOne(eq(ID, projection), Updates.combine(raises), new UpdateOptions().upsert(true));
        known(projection).raise(reached);
        wake(projection);
    }

    /** Announces that this instance appended up to {@code head}. */
    void publishHead(long head) {
        positions.updateOne(eq(ID, LOG), Updates.max(HEAD, head), new UpdateOptions().upsert(true));
        logHead.accumulateAndGet(head, Math::max);
    }

    /** The log's head as announced by the instances that appended, as last read. */
    long announcedHead() {
        return logHead.get();
    }

    /** Reads the positions of {@code projections} and the log's head in one query; wakes whoever they satisfy. */
    void poll(Collection<String> projections) {
        List<String> ids = new ArrayList<>(projections);
        ids.add(LOG);
        projections.forEach(name -> refreshSegments(name, known(name), false));
        read(ids);
        projections.forEach(this::wake);
    }

    private void read(List<String> ids) {
        positions.find(in(ID, ids)).forEach(document -> {
            String id = document.getString(ID);
            if (LOG.equals(id)) {
                if (document.get(HEAD) instanceof Number head) {
                    logHead.accumulateAndGet(head.longValue(), Math::max);
                }
                return;
            }
            Document segments = document.get(SEGMENTS, Document.class);
            if (segments != null) {
                Map<Integer, Long> reached = new TreeMap<>();
                segments.forEach(
                        (segment, position) -> reached.put(Integer.parseInt(segment), ((Number) position).longValue()));
                known(id).raise(reached);
            }
        });
    }

    private void refreshSegments(String projection, Known projected, boolean now) {
        long at = System.nanoTime();
        if (now || !projected.listed || at - projected.segmentsReadAtNanos > SEGMENT_LIST_MAX_AGE_NANOS) {
            projected.current = segmentsOf.apply(projection);
            projected.segmentsReadAtNanos = at;
            projected.listed = true;
        }
    }

    private void wake(String projection) {
        Set<Waiter> waiting = waiters.get(projection);
        if (waiting == null || waiting.isEmpty()) {
            return;
        }
        long position = known(projection).position();
        for (Waiter waiter : waiting) {
            if (waiter.wanted() > position) {
                break;
            }
            waiter.reached().complete(true);
        }
    }

    private Known known(String projection) {
        return known.computeIfAbsent(projection, name -> new Known());
    }
}
