package org.newsroom.query.projection;

import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

/**
 * Starts rebuilds, runs those whose lease this instance holds, and takes over those whose instance went silent.
 * <p>
 * A rebuild started through any instance runs once: the lease in MongoDB ({@link RebuildLease}) is taken by
 * compare-and-set, so a second start while one runs or switches answers {@link RebuildRunning} with its progress.
 * The instance that took it runs it ({@link ProjectionRebuild}) and renews the lease every heartbeat; if it dies,
 * another instance takes the rebuild over once the lease has expired and starts it again from position 0 into the
 * same version, or carries on with the switch. Every instance also drops, now and then, versions that nobody writes
 * any more (a rebuild given up, or leftovers).
 */
@Component
public class ProjectionRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    /** Heartbeats between two looks for versions nobody writes. */
    private static final int TICKS_BETWEEN_CLEAN_UPS = 10;

    private final Projections projections;
    private final ProjectionProcessors processors;
    private final LogEventSource source;
    private final EventLogStorageEngine engine;
    private final ProjectionSettings settings;
    private final ProjectionInstances instances;
    private final RebuildLease leases;
    private final Clock clock;
    /** The rebuilds this instance runs now; the leases in MongoDB say who runs which. */
    private final Map<String, ProjectionRebuild> running = new ConcurrentHashMap<>();

    private final FailureLog supervisionFailed = new FailureLog(log, "Rebuild supervision");
    private @Nullable ScheduledExecutorService ticker;
    private int ticks;

    ProjectionRebuilds(
            Projections projections,
            ProjectionProcessors processors,
            LogEventSource source,
            EventLogStorageEngine engine,
            ProjectionSettings settings,
            ProjectionInstances instances,
            MongoDatabase database,
            Clock clock) {
        this.projections = projections;
        this.processors = processors;
        this.source = source;
        this.engine = engine;
        this.settings = settings;
        this.instances = instances;
        this.leases = new RebuildLease(database, instances.id(), settings.claimTimeout(), clock);
        this.clock = clock;
    }

    /** Starts rebuilding {@code name} from position 0 into a new version, unless a rebuild of it is under way. */
    public RebuildProgress start(String name) {
        String projection = projections.model(name).name();
        if (!leases.acquireNew(projection, engine.headPosition())) {
            throw new RebuildRunning(projection, progress(projection).orElse(null));
        }
        ProjectionVersions.View building = null;
        try {
            building = projections.versions().startBuilding(projection);
            RebuildLease.Held held = leases.building(projection, building);
            instances.heartbeat();
            ProjectionRebuild rebuild = newRun(held);
            rebuild.start();
            running.put(projection, rebuild);
        } catch (RuntimeException e) {
            if (building != null && building.building() != null) {
                projections.versions().abandon(projection, building.building());
            }
            leases.finish(
                    projection,
                    new RebuildLease.Progress(
                            ProjectionRebuild.FAILED, 0, 0, 0, 0L, "could not start: " + e.getMessage(), null, null),
                    clock.instant());
            throw e;
        }
        kick();
        return progress(projection).orElseThrow();
    }

    /** The last rebuild of {@code name}, from MongoDB: the same on every instance. */
    public Optional<RebuildProgress> progress(String name) {
        return leases.of(name).map(RebuildLease::progress);
    }

    /** Runs the rebuilds this instance holds a step further and takes over those whose lease has expired. */
    void supervise() {
        running.values().removeIf(ProjectionRebuild::isFinished);
        Set<String> underWay = new HashSet<>();
        for (Document rebuild : leases.all()) {
            String name = rebuild.getString("_id");
            if (!projections.names().contains(name)) {
                continue;
            }
            ProjectionRebuild mine = running.get(name);
            if (mine != null) {
                mine.tick();
                underWay.add(name);
            } else if (RebuildLease.isUnderWay(rebuild)) {
                underWay.add(name);
                if (leases.hasExpired(rebuild)) {
                    takeOver(rebuild);
                }
            }
        }
        running.values().removeIf(ProjectionRebuild::isFinished);
        if (ticks++ % TICKS_BETWEEN_CLEAN_UPS == 0) {
            cleanUp(underWay);
        }
    }

    private void takeOver(Document expired) {
        String name = expired.getString("_id");
        Optional<RebuildLease.Held> taken = leases.takeOver(expired);
        if (taken.isEmpty()) {
            return;
        }
        RebuildLease.Held held = taken.get();
        if (held.version() == 0) {
            held = leases.building(name, projections.versions().startBuilding(name));
            instances.heartbeat();
        }
        log.warn(
                "Projection '{}': taking over the rebuild of version {} from instance {}, whose lease expired",
                name,
                held.version(),
                expired.getString("owner"));
        ProjectionRebuild rebuild = newRun(held);
        rebuild.start();
        running.put(name, rebuild);
    }

    /** Drops the versions of projections without a rebuild under way that no live instance writes any more. */
    private void cleanUp(Set<String> underWay) {
        for (String name : projections.names()) {
            if (underWay.contains(name)) {
                continue;
            }
            ProjectionVersions.View view = projections.versions().read(name);
            if (view.building() == null && instances.allAt(name, view.epoch())) {
                projections.dropAllBut(name, Set.copyOf(view.writing()), view.highest());
            }
        }
        instances.forgetLongGone();
    }

    private ProjectionRebuild newRun(RebuildLease.Held held) {
        return new ProjectionRebuild(
                held, projections, processors, source, settings, new RunningInstance(), leases, clock);
    }

    private void kick() {
        ScheduledExecutorService executor = ticker;
        if (executor != null && !executor.isShutdown()) {
            executor.execute(this::safely);
        }
    }

    private void safely() {
        try {
            supervise();
        } catch (RuntimeException e) {
            supervisionFailed.failed(e);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-rebuilds");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.heartbeatInterval().toMillis();
        executor.scheduleWithFixedDelay(this::safely, every, every, TimeUnit.MILLISECONDS);
        ticker = executor;
    }

    /** Stops this instance's rebuilds and gives their leases up, for another instance to take them over at once. */
    @Override
    public void stop() {
        ScheduledExecutorService executor = ticker;
        ticker = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        running.forEach((name, rebuild) -> {
            rebuild.stop();
            try {
                leases.release(name);
            } catch (RuntimeException e) {
                log.warn("Projection '{}': could not give the rebuild's lease up: {}", name, e.toString());
            }
        });
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    /** The instance running a rebuild, as the rebuild needs it. */
    private final class RunningInstance implements ProjectionRebuild.Instance {

        @Override
        public boolean allAt(String projection, long epoch) {
            return instances.allAt(projection, epoch);
        }

        @Override
        public void heartbeat() {
            instances.heartbeat();
        }

        @Override
        public long head() {
            return engine.headPosition();
        }

        @Override
        public long knownHead() {
            return engine.knownHeadPosition();
        }

        @Override
        public void kick() {
            ProjectionRebuilds.this.kick();
        }
    }

    /** A rebuild of this projection is already under way. */
    public static final class RebuildRunning extends RuntimeException {

        private final transient @Nullable RebuildProgress running;

        RebuildRunning(String name, @Nullable RebuildProgress running) {
            super("a rebuild of projection '" + name + "' is already running");
            this.running = running;
        }

        /** The rebuild under way, as its lease says. */
        public @Nullable RebuildProgress running() {
            return running;
        }
    }
}
