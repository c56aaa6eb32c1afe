package org.newsroom.query.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.newsroom.query.feed.FeedEvent;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Delivers one event to one endpoint: a POST of the CloudEvent (structured JSON) with the Standard Webhooks headers
 * {@code webhook-id} (the CloudEvent id, the same on every attempt), {@code webhook-timestamp} and
 * {@code webhook-signature}, signed with the Standard Webhooks library. The target is checked again first, since DNS
 * answers change; redirects are not followed, and the response body is not read.
 */
public class WebhookSender {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    /** What became of an attempt. */
    public record Outcome(String outcome, Integer statusCode, String error, Duration retryAfter, long durationMillis) {

        boolean delivered() {
            return outcome.equals("delivered");
        }

        boolean gone() {
            return outcome.equals("gone");
        }
    }

    private final TargetPolicy targets;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;

    public WebhookSender(TargetPolicy targets, Duration timeout, Clock clock) {
        this.targets = targets;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    public Outcome deliver(Subscription subscription, FeedEvent event) {
        long began = System.nanoTime();
        try {
            targets.check(subscription.url());
        } catch (TargetPolicy.TargetRefused refused) {
            return new Outcome("refused", null, refused.getMessage(), null, elapsedMillis(began));
        }
        long timestamp = clock.instant().getEpochSecond();
        String signature;
        try {
            signature = new Webhook(subscription.secret()).sign(event.id(), timestamp, event.json());
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            return new Outcome("failed", null, "could not sign: " + e.getMessage(), null, elapsedMillis(began));
        }
        HttpRequest request = HttpRequest.newBuilder(subscription.url())
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", "Newsroom-Webhooks/1")
                .header("webhook-id", event.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(event.json(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            int status = response.statusCode();
            long took = elapsedMillis(began);
            if (status >= 200 && status < 300) {
                return new Outcome("delivered", status, null, null, took);
            }
            if (status == 410) {
                return new Outcome("gone", status, "410 Gone: the endpoint asked to be disabled", null, took);
            }
            return new Outcome(
                    "failed",
                    status,
                    "HTTP " + status,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)),
                    took);
        } catch (IOException e) {
            return new Outcome(
                    "failed",
                    null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    null,
                    elapsedMillis(began));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome("failed", null, "interrupted: the application is stopping", null, elapsedMillis(began));
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(
                        clock.instant(),
                        ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static long elapsedMillis(long began) {
        return Duration.ofNanos(System.nanoTime() - began).toMillis();
    }
}
