package org.newsroom.query.webhooks;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One attempt to deliver one event to one subscription.
 *
 * @param sequence   the attempt's number within the subscription's log (1, 2, …)
 * @param attempt    the attempt's number for this event (1 for the first try)
 * @param statusCode the endpoint's HTTP status, or null when there was no answer
 * @param error      why the attempt failed (no answer, refused target, non-2xx status), null when it succeeded
 * @param outcome    {@code delivered}, {@code failed}, {@code gone} (410) or {@code refused} (internal address)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryAttempt(
        String subscriptionId,
        long sequence,
        long position,
        String eventId,
        String type,
        int attempt,
        Instant time,
        Integer statusCode,
        String error,
        long durationMillis,
        String outcome) {}
