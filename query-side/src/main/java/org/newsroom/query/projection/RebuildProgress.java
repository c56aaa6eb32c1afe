package org.newsroom.query.projection;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How far a rebuild has got, as its lease in MongoDB says on every instance: events done out of the log's length when
 * last looked at, the rate, the estimated time left, its state ({@code RUNNING}, {@code SWITCHING} from the moment
 * the new version is active until every instance serves it and the old one is dropped, {@code COMPLETED},
 * {@code FAILED}) and the instance running it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildProgress(
        String projection,
        int version,
        String state,
        long done,
        long total,
        double eventsPerSecond,
        @Nullable Long etaSeconds,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String error,
        @Nullable String instance) {}
