package org.newsroom.query.projection;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How far a rebuild has got: events done out of the log's length when last looked at, the rate, the estimated time
 * left, and its state ({@code RUNNING}, {@code SWITCHING} while the live processor pauses to hand over,
 * {@code COMPLETED}, {@code FAILED}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildProgress(
        String projection,
        int version,
        String state,
        long done,
        long total,
        double eventsPerSecond,
        Long etaSeconds,
        Instant startedAt,
        Instant finishedAt,
        String error) {}
