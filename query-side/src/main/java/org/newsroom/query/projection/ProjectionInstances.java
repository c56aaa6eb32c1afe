package org.newsroom.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The instances sharing the projections: each one heartbeats a document in {@code projection_instances},
 * {@code {_id, expiresAt, epochs: {site: 7, …}, active: {site: 2, …}}}, saying which epoch of each projection's
 * versions it writes under and which version it serves ({@link ProjectionVersions}). An instance whose heartbeat has
 * expired no longer counts: nobody waits for it to move, and it gets no share of the segments.
 */
final class ProjectionInstances {

    static final String COLLECTION = "projection_instances";
    private static final String ID = "_id";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String HEARTBEAT_AT = "heartbeatAt";
    private static final String STARTED_AT = "startedAt";
    private static final String EPOCHS = "epochs";
    private static final String ACTIVE = "active";
    /** Documents of instances gone for this many timeouts are removed. */
    private static final int FORGET_AFTER_TIMEOUTS = 100;

    /** One live instance as its last heartbeat describes it. */
    record Instance(String id, Instant expiresAt, Map<String, Long> epochs, Map<String, Integer> active) {}

    private final String id;
    private final MongoCollection<Document> instances;
    private final ProjectionVersions versions;
    private final List<String> projections;
    private final Duration timeout;
    private final Clock clock;
    private final Instant startedAt;
    /** The live instances as last read; re-read every heartbeat. */
    private volatile List<Instance> live = List.of();

    ProjectionInstances(
            String id,
            MongoDatabase database,
            ProjectionVersions versions,
            List<String> projections,
            Duration timeout,
            Clock clock) {
        this.id = id;
        this.instances = database.getCollection(COLLECTION);
        this.versions = versions;
        this.projections = List.copyOf(projections);
        this.timeout = timeout;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** This instance's name: its token claims' owner, its heartbeat's id, its rebuild leases' holder. */
    String id() {
        return id;
    }

    /**
     * Re-reads every projection's versions, then says in this instance's heartbeat which epochs it now writes under,
     * and re-reads who else is alive.
     */
    synchronized void heartbeat() {
        Map<String, ProjectionVersions.View> views = versions.refresh(projections);
        Map<String, Long> epochs = new LinkedHashMap<>();
        Map<String, Integer> active = new LinkedHashMap<>();
        views.forEach((name, view) -> {
            epochs.put(name, view.epoch());
            active.put(name, view.active());
        });
        Instant now = clock.instant();
        instances.replaceOne(
                eq(ID, id),
                new Document(ID, id)
                        .append(EXPIRES_AT, Date.from(now.plus(timeout)))
                        .append(HEARTBEAT_AT, Date.from(now))
                        .append(STARTED_AT, Date.from(startedAt))
                        .append(EPOCHS, new Document(Map.copyOf(epochs)))
                        .append(ACTIVE, new Document(Map.copyOf(active))),
                new ReplaceOptions().upsert(true));
        readLive();
    }

    /** Removes this instance's heartbeat: on a clean shutdown the others stop counting it at once. */
    void leave() {
        instances.deleteOne(eq(ID, id));
    }

    /** The instances whose heartbeat has not expired, read now. */
    List<Instance> readLive() {
        Instant now = clock.instant();
        List<Instance> found = new ArrayList<>();
        instances.find(gt(EXPIRES_AT, Date.from(now))).forEach(document -> found.add(parse(document)));
        live = List.copyOf(found);
        return live;
    }

    /** The live instances as last read. */
    List<Instance> live() {
        return live;
    }

    /** Whether every live instance writes under {@code epoch} of {@code projection} or a later one. */
    boolean allAt(String projection, long epoch) {
        return readLive().stream().allMatch(instance -> instance.epochs().getOrDefault(projection, -1L) >= epoch);
    }

    /** Whether another live instance shares the store, as last read. */
    boolean othersLive() {
        return live.stream().anyMatch(instance -> !instance.id().equals(id));
    }

    /** How many segments of {@code segments} this instance should process: its fair share of the live instances'. */
    int fairShare(int segments) {
        long others =
                live.stream().filter(instance -> !instance.id().equals(id)).count();
        return (int) Math.max(1, (segments + others) / (others + 1));
    }

    /** Removes the documents of instances long gone. */
    void forgetLongGone() {
        instances.deleteMany(
                lt(EXPIRES_AT, Date.from(clock.instant().minus(timeout.multipliedBy(FORGET_AFTER_TIMEOUTS)))));
    }

    private static Instance parse(Document document) {
        Map<String, Long> epochs = new LinkedHashMap<>();
        Document storedEpochs = document.get(EPOCHS, Document.class);
        if (storedEpochs != null) {
            storedEpochs.forEach((name, epoch) -> epochs.put(name, ((Number) epoch).longValue()));
        }
        Map<String, Integer> active = new LinkedHashMap<>();
        Document storedActive = document.get(ACTIVE, Document.class);
        if (storedActive != null) {
            storedActive.forEach((name, version) -> active.put(name, ((Number) version).intValue()));
        }
        return new Instance(document.getString(ID), document.getDate(EXPIRES_AT).toInstant(), epochs, active);
    }
}
