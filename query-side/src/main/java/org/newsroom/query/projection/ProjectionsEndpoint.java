package org.newsroom.query.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newsroom.eventlog.EventLogStorageEngine;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/projections}: every projection's active version (as this instance serves it), processed position
 * (the lowest of its segments', shared by every instance), each segment's position, lag and parked articles, and its
 * last rebuild's progress (from MongoDB: the same on every instance); the live instances and what they serve.
 * {@code POST /actuator/projections/{name}/rebuild} starts a rebuild (409 with the running one's progress while one
 * is under way); {@code GET|POST /actuator/projections/{name}/dead-letters} lists or retries the parked events.
 */
@Component
@Endpoint(id = "projections")
public class ProjectionsEndpoint {

    private static final String REBUILD = "rebuild";
    private static final String DEAD_LETTERS = "dead-letters";

    private final Projections projections;
    private final ProjectionRebuilds rebuilds;
    private final ProjectionDeadLetters deadLetters;
    private final EventLogStorageEngine engine;
    private final ProjectionInstances instances;

    ProjectionsEndpoint(
            Projections projections,
            ProjectionRebuilds rebuilds,
            ProjectionDeadLetters deadLetters,
            EventLogStorageEngine engine,
            ProjectionInstances instances) {
        this.projections = projections;
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
        this.engine = engine;
        this.instances = instances;
    }

    @ReadOperation
    public Map<String, Object> all() {
        long head = engine.headPosition();
        Map<String, Object> all = new LinkedHashMap<>();
        projections.names().forEach(name -> all.put(name, status(name, head)));
        List<Map<String, Object>> live = instances.readLive().stream()
                .map(instance -> Map.<String, Object>of(
                        "id", instance.id(),
                        "serves", instance.active(),
                        "self", instance.id().equals(instances.id())))
                .toList();
        return Map.of("head", head, "projections", all, "instances", live);
    }

    @ReadOperation
    public WebEndpointResponse<Object> one(@Selector String name) {
        if (!projections.names().contains(name)) {
            return unknown(name);
        }
        return new WebEndpointResponse<>(status(name, engine.headPosition()));
    }

    @ReadOperation
    public WebEndpointResponse<Object> part(@Selector String name, @Selector String part) {
        if (!projections.names().contains(name)) {
            return unknown(name);
        }
        return switch (part) {
            case REBUILD ->
                rebuilds.progress(name)
                        .<WebEndpointResponse<Object>>map(WebEndpointResponse::new)
                        .orElseGet(() -> new WebEndpointResponse<>(Map.of("error", "no rebuild since start"), 404));
            case DEAD_LETTERS ->
                new WebEndpointResponse<>(Map.of("projection", name, "deadLetters", deadLetters.list(name)));
            default -> new WebEndpointResponse<>(Map.of("error", "no such part: " + part), 404);
        };
    }

    @WriteOperation
    public WebEndpointResponse<Object> act(@Selector String name, @Selector String part) {
        if (!projections.names().contains(name)) {
            return unknown(name);
        }
        return switch (part) {
            case REBUILD -> {
                try {
                    yield new WebEndpointResponse<>(rebuilds.start(name), 202);
                } catch (ProjectionRebuilds.RebuildRunning e) {
                    Map<String, Object> conflict = new LinkedHashMap<>();
                    conflict.put("error", e.getMessage());
                    if (e.running() != null) {
                        conflict.put("rebuild", e.running());
                    }
                    yield new WebEndpointResponse<>(conflict, 409);
                }
            }
            case DEAD_LETTERS -> new WebEndpointResponse<>(deadLetters.retry(name));
            default -> new WebEndpointResponse<>(Map.of("error", "no such part: " + part), 404);
        };
    }

    private Map<String, Object> status(String name, long head) {
        Map<Integer, Long> segments = projections.positions().segments(name);
        long position =
                segments.values().stream().mapToLong(Long::longValue).min().orElse(0);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("activeVersion", projections.active(name).version());
        status.put("position", position);
        status.put("lag", Math.max(0, head - position));
        status.put("segments", segments);
        status.put("parkedArticles", deadLetters.sequences(name));
        rebuilds.progress(name).ifPresent(progress -> status.put("rebuild", progress));
        return status;
    }

    private static WebEndpointResponse<Object> unknown(String name) {
        return new WebEndpointResponse<>(Map.of("error", "no projection named '" + name + "'"), 404);
    }
}
