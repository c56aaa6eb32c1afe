package org.newsroom.query.webhooks.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.newsroom.query.webhooks.Subscription;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A webhook as integrators see it (never its secret, which is shown once, at registration).
 *
 * @param state         {@code active}, {@code paused} (the last retry failed) or {@code disabled} (410 Gone)
 * @param position      every event up to this position has been delivered
 * @param attempts      failed attempts at the next event
 * @param nextAttemptAt when the next event is tried again, while retrying
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        String id,
        String url,
        List<String> types,
        String state,
        long position,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant stateChangedAt) {

    static WebhookView of(Subscription subscription) {
        return new WebhookView(
                subscription.id(),
                subscription.url().toString(),
                subscription.types(),
                subscription.state().name().toLowerCase(Locale.ROOT),
                subscription.position(),
                subscription.attempts(),
                subscription.nextAttemptAt(),
                subscription.lastError(),
                subscription.createdAt(),
                subscription.stateChangedAt());
    }
}
