package org.newsroom.query.projection;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

/**
 * The rebuild of each projection in MongoDB ({@code projection_rebuilds}, one document per projection): which
 * version it builds, its state and progress, and its lease: the instance running it ({@code owner}) renews
 * {@code expiresAt} every heartbeat; once it has expired, any instance may take the rebuild over by compare-and-set.
 * A rebuild that is running or switching is the only one of its projection.
 */
final class RebuildLease {

    static final String COLLECTION = "projection_rebuilds";
    private static final String ID = "_id";
    private static final String VERSION = "version";
    private static final String PREVIOUS = "previous";
    private static final String STATE = "state";
    private static final String OWNER = "owner";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String STARTED_AT = "startedAt";
    private static final String FINISHED_AT = "finishedAt";
    private static final String DONE = "done";
    private static final String TOTAL = "total";
    private static final String RATE = "eventsPerSecond";
    private static final String ETA = "etaSeconds";
    private static final String ERROR = "error";
    private static final String BUILDING_EPOCH = "buildingEpoch";
    private static final String ACTIVATED_EPOCH = "activatedEpoch";
    private static final String RETIRED_EPOCH = "retiredEpoch";
    private static final String RUNS = "runs";

    /** A rebuild as its holder takes it up. */
    record Held(
            String projection,
            int version,
            int previous,
            String state,
            long buildingEpoch,
            @Nullable Long activatedEpoch,
            @Nullable Long retiredEpoch,
            long done,
            long total,
            double eventsPerSecond) {}

    /** What the holder reports at every renewal. */
    record Progress(
            String state,
            long done,
            long total,
            double eventsPerSecond,
            @Nullable Long etaSeconds,
            @Nullable String error,
            @Nullable Long activatedEpoch,
            @Nullable Long retiredEpoch) {}

    private final MongoCollection<Document> rebuilds;
    private final String owner;
    private final Duration timeout;
    private final Clock clock;

    RebuildLease(MongoDatabase database, String owner, Duration timeout, Clock clock) {
        this.rebuilds = database.getCollection(COLLECTION);
        this.owner = owner;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Takes the lease of a new rebuild of {@code projection}, unless one is running or switching. */
    boolean acquireNew(String projection, long total) {
        Instant now = clock.instant();
        Document lease = new Document(ID, projection)
                .append(STATE, ProjectionRebuild.RUNNING)
                .append(OWNER, owner)
                .append(EXPIRES_AT, Date.from(now.plus(timeout)))
                .append(STARTED_AT, Date.from(now))
                .append(DONE, 0L)
                .append(TOTAL, total)
                .append(RATE, 0.0)
                .append(RUNS, 1);
        if (rebuilds.replaceOne(
                                and(
                                        eq(ID, projection),
                                        in(STATE, List.of(ProjectionRebuild.COMPLETED, ProjectionRebuild.FAILED))),
                                lease)
                        .getModifiedCount()
                == 1) {
            return true;
        }
        try {
            rebuilds.insertOne(lease);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Records the version the new rebuild builds; answers what its holder takes up. */
    Held building(String projection, ProjectionVersions.View view) {
        int version = view.building() == null ? view.active() : view.building();
        rebuilds.updateOne(
                and(eq(ID, projection), eq(OWNER, owner)),
                Updates.combine(
                        Updates.set(VERSION, version),
                        Updates.set(PREVIOUS, view.active()),
                        Updates.set(BUILDING_EPOCH, view.epoch())));
        return new Held(
                projection, version, view.active(), ProjectionRebuild.RUNNING, view.epoch(), null, null, 0, 0, 0);
    }

    /** Renews the lease and records the progress; false if another instance holds it now. */
    boolean renew(String projection, Progress progress) {
        return rebuilds.updateOne(
                                and(eq(ID, projection), eq(OWNER, owner)),
                                Updates.combine(
                                        Updates.set(
                                                EXPIRES_AT,
                                                Date.from(clock.instant().plus(timeout))),
                                        progressUpdate(progress)))
                        .getMatchedCount()
                == 1;
    }

    void save(String projection, Progress progress) {
        renew(projection, progress);
    }

    /** Records the end of the rebuild. */
    void finish(String projection, Progress progress, Instant finishedAt) {
        rebuilds.updateOne(
                and(eq(ID, projection), eq(OWNER, owner)),
                Updates.combine(
                        Updates.set(EXPIRES_AT, Date.from(finishedAt)),
                        Updates.set(FINISHED_AT, Date.from(finishedAt)),
                        progressUpdate(progress)));
    }

    /** Gives the lease up at once (a clean shutdown), for another instance to take the rebuild over. */
    void release(String projection) {
        rebuilds.updateOne(
                and(eq(ID, projection), eq(OWNER, owner)),
                Updates.set(EXPIRES_AT, Date.from(clock.instant().minusMillis(1))));
    }

    /** Every projection's last rebuild. */
    List<Document> all() {
        return rebuilds.find().into(new ArrayList<>());
    }

    Optional<Document> of(String projection) {
        return Optional.ofNullable(rebuilds.find(eq(ID, projection)).first());
    }

    /** Whether the rebuild is running or switching, by whichever instance. */
    static boolean isUnderWay(Document rebuild) {
        String state = rebuild.getString(STATE);
        return ProjectionRebuild.RUNNING.equals(state) || ProjectionRebuild.SWITCHING.equals(state);
    }

    boolean hasExpired(Document rebuild) {
        Date expiresAt = rebuild.getDate(EXPIRES_AT);
        return expiresAt == null || !expiresAt.toInstant().isAfter(clock.instant());
    }

    boolean isMine(Document rebuild) {
        return owner.equals(rebuild.getString(OWNER));
    }

    /**
     * Takes over a rebuild whose holder went silent; empty if another instance came first. A version of 0 means that
     * the holder died before it recorded one.
     */
    Optional<Held> takeOver(Document expired) {
        long updated = rebuilds.updateOne(
                        and(
                                eq(ID, expired.get(ID)),
                                eq(OWNER, expired.get(OWNER)),
                                eq(EXPIRES_AT, expired.get(EXPIRES_AT))),
                        Updates.combine(
                                Updates.set(OWNER, owner),
                                Updates.set(
                                        EXPIRES_AT, Date.from(clock.instant().plus(timeout))),
                                Updates.inc(RUNS, 1)))
                .getModifiedCount();
        if (updated != 1) {
            return Optional.empty();
        }
        int version = expired.getInteger(VERSION, 0);
        return Optional.of(new Held(
                expired.getString(ID),
                version,
                expired.getInteger(PREVIOUS, version - 1),
                expired.getString(STATE),
                number(expired, BUILDING_EPOCH),
                nullableNumber(expired, ACTIVATED_EPOCH),
                nullableNumber(expired, RETIRED_EPOCH),
                number(expired, DONE),
                number(expired, TOTAL),
                expired.get(RATE) instanceof Number rate ? rate.doubleValue() : 0));
    }

    /** The progress as every instance sees it. */
    static RebuildProgress progress(Document rebuild) {
        return new RebuildProgress(
                rebuild.getString(ID),
                rebuild.getInteger(VERSION, 0),
                rebuild.getString(STATE),
                number(rebuild, DONE),
                number(rebuild, TOTAL),
                rebuild.get(RATE) instanceof Number rate ? rate.doubleValue() : 0,
                nullableNumber(rebuild, ETA),
                rebuild.getDate(STARTED_AT).toInstant(),
                rebuild.getDate(FINISHED_AT) == null
                        ? null
                        : rebuild.getDate(FINISHED_AT).toInstant(),
                rebuild.getString(ERROR),
                rebuild.getString(OWNER));
    }

    private static Bson progressUpdate(Progress progress) {
        return Updates.combine(
                Updates.set(STATE, progress.state()),
                Updates.set(DONE, progress.done()),
                Updates.set(TOTAL, progress.total()),
                Updates.set(RATE, progress.eventsPerSecond()),
                Updates.set(ETA, progress.etaSeconds()),
                Updates.set(ERROR, progress.error()),
                Updates.set(ACTIVATED_EPOCH, progress.activatedEpoch()),
                Updates.set(RETIRED_EPOCH, progress.retiredEpoch()));
    }

    private static long number(Document document, String field) {
        return document.get(field) instanceof Number number ? number.longValue() : 0;
    }

    private static @Nullable Long nullableNumber(Document document, String field) {
        return document.get(field) instanceof Number number ? Long.valueOf(number.longValue()) : null;
    }
}
