package org.newsroom.query.webhooks.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.newsroom.query.webhooks.Subscription;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A webhook as integrators and partners see it (never its secret, which is shown once, at registration).
 *
 * @param owner          the integrator or partner who registered it
 * @param state          {@code active}, {@code paused} (the last retry failed) or {@code disabled} (410 Gone, or
 *                       failing without a break for {@code newsroom.webhooks.disable-after})
 * @param disabledReason when disabled: {@code gone} or {@code failing}; {@code lastError} says more, and
 *                       {@code stateChangedAt} says when
 * @param failingSince   when the endpoint's current run of failures began
 * @param position      every event up to this position has been delivered
 * @param attempts      failed attempts at the next event
 * @param nextAttemptAt when the next event is tried again, while retrying
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        String id,
        @Nullable String owner,
        String url,
        List<String> types,
        String state,
        @Nullable String disabledReason,
        long position,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant failingSince,
        Instant createdAt,
        Instant stateChangedAt) {

    static WebhookView of(Subscription subscription) {
        return new WebhookView(
                subscription.id(),
                subscription.owner(),
                subscription.url().toString(),
                subscription.types(),
                subscription.state().name().toLowerCase(Locale.ROOT),
                subscription.disabledReason(),
                subscription.position(),
                subscription.attempts(),
                subscription.nextAttemptAt(),
                subscription.lastError(),
                subscription.failingSince(),
                subscription.createdAt(),
                subscription.stateChangedAt());
    }
}
