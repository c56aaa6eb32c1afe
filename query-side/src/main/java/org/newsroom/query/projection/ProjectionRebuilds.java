package org.newsroom.query.projection;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.newsroom.eventlog.EventLogStorageEngine;
import org.springframework.stereotype.Component;

/** Starts rebuilds, one at a time per projection, and remembers the last one of each. */
@Component
public class ProjectionRebuilds {

    private final Projections projections;
    private final ProjectionProcessors processors;
    private final LogEventSource log;
    private final EventLogStorageEngine engine;
    private final ProjectionSettings settings;
    private final Clock clock;
    private final Map<String, ProjectionRebuild> rebuilds = new ConcurrentHashMap<>();

    ProjectionRebuilds(
            Projections projections,
            ProjectionProcessors processors,
            LogEventSource log,
            EventLogStorageEngine engine,
            ProjectionSettings settings,
            Clock clock) {
        this.projections = projections;
        this.processors = processors;
        this.log = log;
        this.engine = engine;
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts rebuilding {@code name} from position 0 into a new version, unless a rebuild of it is running. */
    public RebuildProgress start(String name) {
        String projection = projections.model(name).name();
        ProjectionRebuild rebuild = rebuilds.compute(projection, (key, running) -> {
            if (running != null && !running.isFinished()) {
                throw new RebuildRunning(key);
            }
            return new ProjectionRebuild(key, projections, processors, log, head(), settings, clock);
        });
        rebuild.start();
        return rebuild.progress();
    }

    public Optional<RebuildProgress> progress(String name) {
        return Optional.ofNullable(rebuilds.get(name)).map(ProjectionRebuild::progress);
    }

    private ProjectionRebuild.LongSupplierWithRefresh head() {
        return new ProjectionRebuild.LongSupplierWithRefresh() {
            @Override
            public long known() {
                return engine.knownHeadPosition();
            }

            @Override
            public long refreshed() {
                return engine.headPosition();
            }
        };
    }

    /** A rebuild of this projection is already running. */
    public static final class RebuildRunning extends RuntimeException {
        RebuildRunning(String name) {
            super("a rebuild of projection '" + name + "' is already running");
        }
    }
}
