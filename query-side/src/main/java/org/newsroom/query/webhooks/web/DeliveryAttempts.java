package org.newsroom.query.webhooks.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.newsroom.query.webhooks.DeliveryAttempt;
import org.newsroom.query.webhooks.Subscription;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of attempts, newest first, with the webhook's state beside them: a webhook that was disabled says so, and
 * why, where its failures are read. {@code next} is the {@code before} of the following page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeliveryAttempts(
        List<DeliveryAttempt> items,
        @Nullable Long next,
        String state,
        @Nullable String disabledReason,
        @Nullable String lastError,
        @Nullable Instant stateChangedAt) {

    static DeliveryAttempts of(Subscription subscription, List<DeliveryAttempt> attempts) {
        Long next = attempts.isEmpty() || attempts.get(attempts.size() - 1).sequence() <= 1
                ? null
                : attempts.get(attempts.size() - 1).sequence();
        return new DeliveryAttempts(
                attempts,
                next,
                subscription.state().name().toLowerCase(Locale.ROOT),
                subscription.disabledReason(),
                subscription.lastError(),
                subscription.stateChangedAt());
    }
}
