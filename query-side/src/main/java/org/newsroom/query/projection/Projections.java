package org.newsroom.query.projection;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    private final Map<String, ReadModel> models;
    private final MongoDatabase database;
    private final ProjectionVersions versions;
    private final ProjectedPositions positions;
    private final Map<String, ProjectionWriter> liveWriters = new ConcurrentHashMap<>();
    private final Map<String, Object> liveProjections = new ConcurrentHashMap<>();

    Projections(List<ReadModel> models, MongoDatabase database, ProjectedPositions positions) {
        this.models = models.stream()
                .collect(Collectors.toMap(
                        ReadModel::name,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException("two read models named " + a.name());
                        },
                        java.util.TreeMap::new));
        this.database = database;
        this.versions = new ProjectionVersions(database);
        this.positions = positions;
        this.models.values().forEach(this::prepare);
    }

    private void prepare(ReadModel model) {
        Integer abandoned = versions.building(model.name());
        if (abandoned != null) {
            log.warn(
                    "Projection '{}': dropping version {} left by a rebuild that did not finish",
                    model.name(),
                    abandoned);
            drop(model.name(), abandoned);
            versions.stopBuilding(model.name());
        }
        model.createIndexes(active(model.name()));
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

    /** The collections that serve reads now. */
    public ProjectionCollections active(String name) {
        return collections(name, versions.active(model(name).name()));
    }

    ProjectionCollections collections(String name, int version) {
        return new ProjectionCollections(name, version, database);
    }

    public ProjectedPositions positions() {
        return positions;
    }

    public ProjectionWriter liveWriter(String name) {
        return liveWriters.computeIfAbsent(
                model(name).name(),
                key -> new ProjectionWriter(
                        key,
                        () -> active(key),
                        position -> positions.advance(key, position),
                        model(key).articleCollections(),
                        model(key)::prefetch));
    }

    public Object liveProjection(String name) {
        return liveProjections.computeIfAbsent(
                model(name).name(), key -> model(key).newProjection(liveWriter(key)));
    }

    int startBuilding(String name) {
        return versions.startBuilding(name);
    }

    void abandon(String name, int version) {
        drop(name, version);
        versions.stopBuilding(name);
    }

    /** Makes {@code version} serve reads and receive the live projection's next batches; drops the old version. */
    void activate(String name, int version) {
        int previous = versions.active(name);
        versions.activate(name, version);
        drop(name, previous);
    }

    private void drop(String name, int version) {
        ProjectionCollections target = collections(name, version);
        model(name)
                .collections()
                .forEach(collection -> target.collection(collection).drop());
    }

    /** Asked for a projection that does not exist. */
    public static final class UnknownProjection extends ProblemException {
        public UnknownProjection(String name) {
            super(HttpStatus.NOT_FOUND, "unknown-projection", "no projection named '" + name + "'");
        }
    }
}
