package org.newsroom.query.projection;

import org.newsroom.eventlog.EventLogStorageEngine;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code newsroom.projection.lag{projection}}: the log's head as this instance knows it (it writes and reads the
 * log, and the other instances announce their appends) minus the position the projection has processed, by whichever
 * instances; {@code newsroom.projection.position{projection}} too.
 */
@Component
class ProjectionLagMetrics implements MeterBinder {

    private final Projections projections;
    private final EventLogStorageEngine engine;

    ProjectionLagMetrics(Projections projections, EventLogStorageEngine engine) {
        this.projections = projections;
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : projections.names()) {
            Gauge.builder(
                            "newsroom.projection.lag",
                            () -> Math.max(
                                    0,
                                    Math.max(
                                                    engine.knownHeadPosition(),
                                                    projections.positions().announcedHead())
                                            - projections.positions().position(name)))
                    .description("events in the log this projection has not processed yet")
                    .baseUnit("events")
                    .tag("projection", name)
                    .register(registry);
            Gauge.builder(
                            "newsroom.projection.position",
                            () -> projections.positions().position(name))
                    .description("global position up to which this projection is written")
                    .tag("projection", name)
                    .register(registry);
        }
    }
}
