package org.newsroom.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jspecify.annotations.Nullable;
import org.newsroom.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

/** Every read model, the version of it that serves reads, and its live projection. */
@Component
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);
    private static final Pattern VERSIONED = Pattern.compile("(.+)_v(\\d+)_(.+)");

    private final Map<String, ReadModel> models;
    private final MongoDatabase database;
    private final ProjectionVersions versions;
    private final ProjectedPositions positions;
    private final RebuildMarks marks;
    /** This instance's writers and handlers of the versions that serve; which versions those are is in MongoDB. */
    private final Map<String, ProjectionWriter> liveWriters = new ConcurrentHashMap<>();

    private final Map<String, Object> liveProjections = new ConcurrentHashMap<>();
    /** Versions whose indexes this instance has created: only saves asking MongoDB again, which is idempotent. */
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    Projections(
            List<ReadModel> models, MongoDatabase database, ProjectionVersions versions, ProjectedPositions positions) {
        this.models = models.stream()
                .collect(Collectors.toMap(
                        ReadModel::name,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException("two read models named " + a.name());
                        },
                        TreeMap::new));
        this.database = database;
        this.versions = versions;
        this.positions = positions;
        this.marks = new RebuildMarks(database);
        this.models.keySet().forEach(name -> versions.view(name).writing().forEach(version -> indexed(name, version)));
    }

    public List<String> names() {
        return List.copyOf(models.keySet());
    }

    public ReadModel model(String name) {
        ReadModel model = models.get(name);
        if (model == null) {
            throw new UnknownProjection(name);
        }
        return model;
    }

    /** The collections that serve reads on this instance now. */
    public ProjectionCollections active(String name) {
        return collections(name, versions.view(model(name).name()).active());
    }

    ProjectionCollections collections(String name, int version) {
        return new ProjectionCollections(name, version, database);
    }

    public ProjectedPositions positions() {
        return positions;
    }

    RebuildMarks marks() {
        return marks;
    }

    ProjectionVersions versions() {
        return versions;
    }

    public ProjectionWriter liveWriter(String name) {
        return liveWriters.computeIfAbsent(
                model(name).name(),
                key -> new ProjectionWriter(
                        key,
                        new LiveTargets(key),
                        position -> written(key, position),
                        model(key).articleCollections(),
                        model(key)::prefetch));
    }

    public Object liveProjection(String name) {
        return liveProjections.computeIfAbsent(
                model(name).name(), key -> model(key).newProjection(liveWriter(key)));
    }

    /** The collections of {@code version}, with their indexes. */
    ProjectionCollections indexed(String name, int version) {
        ProjectionCollections target = collections(name, version);
        if (indexed.add(target.collectionName(""))) {
            model(name).createIndexes(target);
        }
        return target;
    }

    /**
     * Drops the collections of every version of {@code name} up to {@code upTo} but {@code kept}: versions no longer
     * written, a rebuild given up, or one that an instance with an outdated view wrote into after it was dropped.
     * Versions above {@code upTo} may have been reserved since the caller looked, and are left alone.
     */
    List<Integer> dropAllBut(String name, Set<Integer> kept, int upTo) {
        List<Integer> dropped = new ArrayList<>();
        for (String collection : database.listCollectionNames().into(new ArrayList<>())) {
            Matcher matcher = VERSIONED.matcher(collection);
            if (matcher.matches() && matcher.group(1).equals(name)) {
                int version = Integer.parseInt(matcher.group(2));
                if (version <= upTo && !kept.contains(version)) {
                    database.getCollection(collection).drop();
                    indexed.remove(collections(name, version).collectionName(""));
                    if (!dropped.contains(version)) {
                        dropped.add(version);
                    }
                }
            }
        }
        if (!dropped.isEmpty()) {
            log.info("Projection '{}': dropped version(s) {}, no longer written", name, dropped);
        }
        return dropped;
    }

    /**
     * A live batch has been written: tells this instance's waiters at once, for the segment the batch belongs to, up
     * to the last event the segment consumed (the events it skipped belong to other segments).
     */
    private void written(String name, long position) {
        @Nullable Integer segment = segmentOfCurrentBatch(name);
        if (segment == null) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        long consumed = unitOfWork.resources().get("Processor[" + name + "]/Token") instanceof TrackingToken token
                ? token.position().orElse(position)
                : position;
        positions.written(name, segment, Math.max(position, consumed));
    }

    /** The segment of the live processor's batch being handled, or null outside a processor (a dead letter retried). */
    private static @Nullable Integer segmentOfCurrentBatch(String name) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().resources().get("Processor[" + name + "]/SegmentId")
                        instanceof Integer segment
                ? segment
                : null;
    }

    /** The live projection's versions: reads the active one, writes every one that is written. */
    private final class LiveTargets implements ProjectionWriter.Targets {

        private final String name;

        LiveTargets(String name) {
            this.name = name;
        }

        @Override
        public ProjectionCollections read() {
            return active(name);
        }

        @Override
        public void write(ProjectionBatch batch) {
            @Nullable Integer segment = segmentOfCurrentBatch(name);
            versions.write(
                    name,
                    batch.target().version(),
                    (writing, building) -> batch.flush(writing.stream()
                            .filter(version -> !version.equals(building)
                                    || segment == null
                                    || marks.writesLiveBatch(
                                            name, version, segment, batch.firstPosition(), batch.position()))
                            .map(version -> indexed(name, version))
                            .toList()));
        }
    }

    /** Asked for a projection that does not exist. */
    public static final class UnknownProjection extends ProblemException {
        public UnknownProjection(String name) {
            super(HttpStatus.NOT_FOUND, "unknown-projection", "no projection named '" + name + "'");
        }
    }
}
