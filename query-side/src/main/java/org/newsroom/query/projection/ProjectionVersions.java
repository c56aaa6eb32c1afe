package org.newsroom.query.projection;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Which version of each projection serves reads and which versions the live projection writes: one document per
 * projection in {@code projection_versions}, {@code {_id: "site", active: 2, writing: [2, 3], building: 3,
 * lastVersion: 3, epoch: 7}}, changed only by compare-and-set on its {@code epoch}.
 * <p>
 * Every live batch reads from the active version and writes what it computed into every version of {@code writing}:
 * the active one, a version a rebuild is building, and the previous active version until every instance has moved
 * off it. Each version thus receives every live write from the moment every instance knows it, and a batch that read
 * a version that is no longer written is refused, never written elsewhere.
 * <p>
 * Each instance keeps its own copy of the documents (its view), re-reads them every heartbeat and before a write when
 * the copy is older than that, and reports in its heartbeat which epoch it has ({@link ProjectionInstances}). A view
 * only changes when no write under the previous view is in flight, so an instance that reports an epoch writes
 * nothing under an older one any more.
 */
final class ProjectionVersions {

    static final String COLLECTION = "projection_versions";
    private static final String ID = "_id";
    private static final String ACTIVE = "active";
    private static final String WRITING = "writing";
    private static final String BUILDING = "building";
    private static final String LAST_VERSION = "lastVersion";
    private static final String EPOCH = "epoch";

    /** One projection's versions as this instance last read them. */
    record View(
            String projection,
            long epoch,
            int active,
            List<Integer> writing,
            @Nullable Integer building,
            int lastVersion,
            long readAtNanos,
            boolean stored) {

        View {
            writing = List.copyOf(writing);
        }

        static View initial(String projection) {
            return new View(projection, 0, 1, List.of(1), null, 1, System.nanoTime(), false);
        }

        /** The highest version ever used, so that a new one never reuses the name of a dropped one. */
        int highest() {
            int highest = Math.max(active, lastVersion);
            for (int version : writing) {
                highest = Math.max(highest, version);
            }
            return building == null ? highest : Math.max(highest, building);
        }
    }

    /** A batch read a version that is no longer written: it is handled again, reading the active version. */
    static final class VersionNoLongerWritten extends RuntimeException {
        VersionNoLongerWritten(String projection, int version) {
            super("version " + version + " of projection '" + projection + "' is no longer written");
        }
    }

    private final MongoCollection<Document> pointers;
    private final Duration maxAge;
    /** This instance's copy of the documents; every instance re-reads them, MongoDB holds the truth. */
    private final Map<String, View> views = new ConcurrentHashMap<>();
    /** Read-held by writes, write-held to change the views: no write runs under a view being replaced. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    ProjectionVersions(MongoDatabase database, Duration maxAge) {
        this.pointers = database.getCollection(COLLECTION);
        this.maxAge = maxAge;
    }

    /** This instance's view of {@code projection}, read from MongoDB the first time. */
    View view(String projection) {
        View view = views.get(projection);
        return view != null ? view : refresh(List.of(projection)).get(projection);
    }

    /** Re-reads the documents of {@code projections} and makes them this instance's views; answers the new views. */
    Map<String, View> refresh(Collection<String> projections) {
        Map<String, View> read = new LinkedHashMap<>();
        projections.forEach(name -> read.put(name, View.initial(name)));
        long now = System.nanoTime();
        pointers.find(in(ID, List.copyOf(projections))).forEach(document -> {
            View view = parse(document, now);
            read.put(view.projection(), view);
        });
        lock.writeLock().lock();
        try {
            read.forEach((name, view) ->
                    views.merge(name, view, (old, fresh) -> fresh.epoch() >= old.epoch() ? fresh : old));
        } finally {
            lock.writeLock().unlock();
        }
        Map<String, View> current = new LinkedHashMap<>();
        projections.forEach(name -> current.put(name, views.get(name)));
        return current;
    }

    /**
     * Runs {@code write} with the versions a batch that read {@code readVersion} must be written to and the version being
     * rebuilt among them, if any, after re-reading
     * the view if it is older than a heartbeat; refuses when {@code readVersion} is no longer written.
     */
    void write(String projection, int readVersion, BiConsumer<List<Integer>, @Nullable Integer> write) {
        View view = view(projection);
        if (System.nanoTime() - view.readAtNanos() > maxAge.toNanos()) {
            refresh(List.of(projection));
        }
        lock.readLock().lock();
        try {
            View current = views.get(projection);
            List<Integer> writing = current.writing();
            if (!writing.contains(readVersion)) {
                throw new VersionNoLongerWritten(projection, readVersion);
            }
            write.accept(writing, current.building());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Reserves a new version for a rebuild and makes every live write go to it too; a version reserved by a rebuild
     * whose instance died before recording it is taken again. Answers the view that has it.
     */
    View startBuilding(String projection) {
        while (true) {
            View current = read(projection);
            if (current.building() != null) {
                return current;
            }
            int next = current.highest() + 1;
            List<Integer> writing = new ArrayList<>(current.writing());
            writing.add(next);
            View building = new View(projection, current.epoch() + 1, current.active(), writing, next, next, 0, true);
            if (compareAndSet(current, building)) {
                return building;
            }
        }
    }

    /**
     * Makes {@code version} (being built) the active one, the previous active version still written; false if the
     * document is not as expected (another change came first).
     */
    @Nullable
    View activate(String projection, int version) {
        View current = read(projection);
        if (current.building() == null || current.building() != version) {
            return null;
        }
        List<Integer> writing = new ArrayList<>(List.of(version));
        current.writing().stream().filter(v -> v != version).forEach(writing::add);
        View activated =
                new View(projection, current.epoch() + 1, version, writing, null, current.lastVersion(), 0, true);
        return compareAndSet(current, activated) ? activated : null;
    }

    /** Stops writing every version but the active {@code version}; null if the document is not as expected. */
    @Nullable
    View retireAllBut(String projection, int version) {
        View current = read(projection);
        if (current.active() != version || current.building() != null) {
            return null;
        }
        View retired = new View(
                projection, current.epoch() + 1, version, List.of(version), null, current.lastVersion(), 0, true);
        return compareAndSet(current, retired) ? retired : null;
    }

    /** Gives up the version being built: no longer written; its collections are dropped once nobody writes it. */
    @Nullable
    View abandon(String projection, int version) {
        while (true) {
            View current = read(projection);
            if (current.building() == null || current.building() != version) {
                return null;
            }
            List<Integer> writing =
                    current.writing().stream().filter(v -> v != version).toList();
            View abandoned = new View(
                    projection, current.epoch() + 1, current.active(), writing, null, current.lastVersion(), 0, true);
            if (compareAndSet(current, abandoned)) {
                return abandoned;
            }
        }
    }

    /** The document as stored now. */
    View read(String projection) {
        Document document = pointers.find(eq(ID, projection)).first();
        return document == null ? View.initial(projection) : parse(document, System.nanoTime());
    }

    private boolean compareAndSet(View expected, View next) {
        Document replacement = new Document(ID, next.projection())
                .append(ACTIVE, next.active())
                .append(WRITING, next.writing())
                .append(LAST_VERSION, next.lastVersion())
                .append(EPOCH, next.epoch());
        if (next.building() != null) {
            replacement.append(BUILDING, next.building());
        }
        if (!expected.stored()) {
            try {
                pointers.insertOne(replacement);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        Bson sameEpoch = expected.epoch() == 0
                ? and(eq(ID, expected.projection()), or(exists(EPOCH, false), eq(EPOCH, 0L)))
                : and(eq(ID, expected.projection()), eq(EPOCH, expected.epoch()));
        return pointers.replaceOne(sameEpoch, replacement).getModifiedCount() == 1;
    }

    /**
     * Reads a document; one written before versions were shared ({@code {active, building}}) writes only its active
     * version, and its {@code building} is what an interrupted rebuild left behind, no longer written.
     */
    private static View parse(Document document, long readAtNanos) {
        String projection = document.getString(ID);
        int active = document.getInteger(ACTIVE, 1);
        List<Integer> writing = document.getList(WRITING, Integer.class);
        Integer building = document.getInteger(BUILDING);
        int lastVersion = document.getInteger(LAST_VERSION, Math.max(active, building == null ? 0 : building));
        if (writing == null) {
            writing = List.of(active);
            building = null;
        }
        long epoch = document.get(EPOCH) instanceof Number number ? number.longValue() : 0;
        return new View(projection, epoch, active, writing, building, lastVersion, readAtNanos, true);
    }
}
