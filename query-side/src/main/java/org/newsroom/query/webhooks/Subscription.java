package org.newsroom.query.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A webhook subscription and its delivery progress.
 *
 * @param position       every event up to this position has been delivered (or did not match {@code types})
 * @param attempts       failed attempts at the event after {@code position}
 * @param nextAttemptAt  when that event is tried again, while retrying
 * @param lastError      what went wrong at the last failed attempt
 * @param generation     incremented by every change made through the API, so that a delivery that was in flight
 *                       during the change cannot overwrite it
 */
public record Subscription(
        String id,
        URI url,
        List<String> types,
        String secret,
        State state,
        long position,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant stateChangedAt,
        long generation) {

    public enum State {
        /** Delivering, or waiting to retry. */
        ACTIVE,
        /** The last attempt failed: nothing is delivered until a redelivery is asked for. */
        PAUSED,
        /** The endpoint answered 410 Gone: nothing is delivered until a redelivery is asked for. */
        DISABLED
    }

    public Subscription {
        types = types == null ? List.of() : List.copyOf(types);
    }

    public boolean accepts(String type) {
        return types.isEmpty() || Set.copyOf(types).contains(type);
    }

    Subscription delivered(long deliveredPosition) {
        return new Subscription(
                id,
                url,
                types,
                secret,
                State.ACTIVE,
                deliveredPosition,
                0,
                null,
                null,
                createdAt,
                stateChangedAt,
                generation);
    }

    Subscription skippedTo(long skippedPosition) {
        return new Subscription(
                id,
                url,
                types,
                secret,
                state,
                skippedPosition,
                attempts,
                nextAttemptAt,
                lastError,
                createdAt,
                stateChangedAt,
                generation);
    }

    Subscription retryAt(Instant when, int failedAttempts, String error) {
        return new Subscription(
                id,
                url,
                types,
                secret,
                State.ACTIVE,
                position,
                failedAttempts,
                when,
                error,
                createdAt,
                stateChangedAt,
                generation);
    }

    Subscription paused(Instant now, int failedAttempts, String error) {
        return new Subscription(
                id,
                url,
                types,
                secret,
                State.PAUSED,
                position,
                failedAttempts,
                null,
                error,
                createdAt,
                now,
                generation);
    }

    Subscription disabled(Instant now, String error) {
        return new Subscription(
                id,
                url,
                types,
                secret,
                State.DISABLED,
                position,
                attempts + 1,
                null,
                error,
                createdAt,
                now,
                generation);
    }

    /** Deliver again from {@code from} (inclusive), from scratch: active, no failed attempt. */
    Subscription redeliverFrom(long from, Instant now) {
        return new Subscription(
                id,
                url,
                types,
                secret,
                State.ACTIVE,
                Math.max(0, from - 1),
                0,
                null,
                null,
                createdAt,
                now,
                generation + 1);
    }
}
