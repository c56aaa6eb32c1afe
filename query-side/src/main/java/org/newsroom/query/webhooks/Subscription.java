package org.newsroom.query.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A webhook subscription and its delivery progress.
 *
 * @param feed           what it delivers: the integration feed, or the partners' syndication feed
 * @param owner          the integrator or partner who registered it (null for subscriptions registered before owners
 *                       were kept)
 * @param sealedSecret   the signing secret, encrypted ({@link SecretBox}); never the secret itself
 * @param position       every event up to this position has been delivered (or did not match {@code types})
 * @param attempts       failed attempts at the event after {@code position}
 * @param nextAttemptAt  when that event is tried again, while retrying
 * @param lastError      what went wrong at the last failed attempt
 * @param failingSince   when the endpoint's current run of failures began; null after a success
 * @param disabledReason why it is {@link State#DISABLED}: {@code gone} (410) or {@code failing} (for too long)
 * @param generation     incremented by every change made through the API, so that a delivery that was in flight
 *                       during the change cannot overwrite it, and so that the instance delivering it notices
 */
public record Subscription(
        String id,
        Feed feed,
        @Nullable String owner,
        URI url,
        List<String> types,
        String sealedSecret,
        State state,
        long position,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant failingSince,
        @Nullable String disabledReason,
        Instant createdAt,
        Instant stateChangedAt,
        long generation) {

    /** The feed a subscription follows, stored lower case in {@code feed}; absent (an earlier release) is integration. */
    public enum Feed {
        /** The integrators' feed: every event of the log, as {@code /feed/events} serves it. */
        INTEGRATION,
        /** The partners' feed: only what the public may read, as {@code /syndication/events} serves it. */
        SYNDICATION;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Feed of(@Nullable String value) {
            return value == null ? INTEGRATION : valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public enum State {
        /** Delivering, or waiting to retry. */
        ACTIVE,
        /** The last attempt failed: nothing is delivered until a redelivery is asked for. */
        PAUSED,
        /**
         * The endpoint answered 410 Gone, or failed without a break for {@code newsroom.webhooks.disable-after}:
         * nothing is delivered until a redelivery is asked for.
         */
        DISABLED
    }

    /** {@link #disabledReason()} of an endpoint that answered 410 Gone. */
    public static final String GONE = "gone";
    /** {@link #disabledReason()} of an endpoint that failed without a break for too long. */
    public static final String FAILING = "failing";

    public Subscription {
        types = types == null ? List.of() : List.copyOf(types);
    }

    public boolean accepts(String type) {
        return types.isEmpty() || Set.copyOf(types).contains(type);
    }

    Subscription delivered(long deliveredPosition) {
        return new Subscription(
                id,
                feed,
                owner,
                url,
                types,
                sealedSecret,
                State.ACTIVE,
                deliveredPosition,
                0,
                null,
                null,
                null,
                null,
                createdAt,
                stateChangedAt,
                generation);
    }

    Subscription skippedTo(long skippedPosition) {
        return new Subscription(
                id,
                feed,
                owner,
                url,
                types,
                sealedSecret,
                state,
                skippedPosition,
                attempts,
                nextAttemptAt,
                lastError,
                failingSince,
                disabledReason,
                createdAt,
                stateChangedAt,
                generation);
    }

    Subscription retryAt(Instant when, int failedAttempts, String error, Instant failedAt) {
        return new Subscription(
                id,
                feed,
                owner,
                url,
                types,
                sealedSecret,
                State.ACTIVE,
                position,
                failedAttempts,
                when,
                error,
                failingSince != null ? failingSince : failedAt,
                null,
                createdAt,
                stateChangedAt,
                generation);
    }

    Subscription paused(Instant now, int failedAttempts, String error) {
        return new Subscription(
                id,
                feed,
                owner,
                url,
                types,
                sealedSecret,
                State.PAUSED,
                position,
                failedAttempts,
                null,
                error,
                failingSince != null ? failingSince : now,
                null,
                createdAt,
                now,
                generation);
    }

    Subscription disabled(Instant now, int failedAttempts, String reason, String error) {
        return new Subscription(
                id,
                feed,
                owner,
                url,
                types,
                sealedSecret,
                State.DISABLED,
                position,
                failedAttempts,
                null,
                error,
                failingSince != null ? failingSince : now,
                reason,
                createdAt,
                now,
                generation);
    }

    /** Deliver again from {@code from} (inclusive), from scratch: active, no failed attempt, no run of failures. */
    Subscription redeliverFrom(long from, Instant now) {
        return new Subscription(
                id,
                feed,
                owner,
                url,
                types,
                sealedSecret,
                State.ACTIVE,
                Math.max(0, from - 1),
                0,
                null,
                null,
                null,
                null,
                createdAt,
                now,
                generation + 1);
    }

    Subscription withSealedSecret(String sealed) {
        return new Subscription(
                id,
                feed,
                owner,
                url,
                types,
                sealed,
                state,
                position,
                attempts,
                nextAttemptAt,
                lastError,
                failingSince,
                disabledReason,
                createdAt,
                stateChangedAt,
                generation);
    }
}
