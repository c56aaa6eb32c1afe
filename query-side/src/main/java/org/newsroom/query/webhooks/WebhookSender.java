package org.newsroom.query.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.newsroom.query.feed.FeedEvent;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Delivers one event to one endpoint: a POST of the CloudEvent (structured JSON) with the Standard Webhooks headers
 * {@code webhook-id} (the CloudEvent id, the same on every attempt), {@code webhook-timestamp} and
 * {@code webhook-signature}, signed with the Standard Webhooks library.
 * <p>
 * The HTTP client is Apache HttpClient 5 because its {@link DnsResolver} hook lets the address check and the
 * connection use one resolution ({@link AddressGuard}) while the URL's name stays the TLS SNI and the name the
 * certificate is verified against; the JDK client resolves on its own, after any check. No proxy, no redirects, no
 * cookies, no automatic retries. Each attempt has one budget, {@code timeout}, for connecting, sending and the
 * response head; the attempt is aborted when it runs out, however slowly the endpoint trickles. At most 16 KiB of the
 * response body is read, to keep the connection for the next delivery; a longer body closes it.
 */
public class WebhookSender implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    private static final int BODY_READ_LIMIT = 16 * 1024;

    /** What became of an attempt. */
    public record Outcome(
            String outcome,
            @Nullable Integer statusCode,
            @Nullable String error,
            @Nullable Duration retryAfter,
            long durationMillis) {

        boolean delivered() {
            return outcome.equals("delivered");
        }

        boolean gone() {
            return outcome.equals("gone");
        }
    }

    private final Duration timeout;
    private final Clock clock;
    private final ScheduledExecutorService deadlines;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;

    /**
     * @param resolver  resolves and checks each host once ({@link TargetPolicy#resolver()})
     * @param deadlines where the abort of an attempt that ran out of time is scheduled
     */
    public WebhookSender(DnsResolver resolver, Duration timeout, Clock clock, ScheduledExecutorService deadlines) {
        this.timeout = timeout;
        this.clock = clock;
        this.deadlines = deadlines;
        Timeout budget = Timeout.of(timeout);
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setMaxConnTotal(10_000)
                .setMaxConnPerRoute(10_000)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(budget)
                        .setSocketTimeout(budget)
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(budget)
                        .setResponseTimeout(budget)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("Newsroom-Webhooks/1")
                .build();
    }

    public Outcome deliver(URI url, String secret, FeedEvent event) {
        long began = System.nanoTime();
        long timestamp = clock.instant().getEpochSecond();
        String signature;
        try {
            signature = new Webhook(secret).sign(event.id(), timestamp, event.json());
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            return new Outcome("failed", null, "could not sign: " + e.getMessage(), null, elapsedMillis(began));
        }
        HttpPost post = new HttpPost(url);
        post.setHeader("webhook-id", event.id());
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", signature);
        post.setEntity(new StringEntity(
                event.json(), ContentType.create("application/cloudevents+json", StandardCharsets.UTF_8)));
        AtomicBoolean outOfTime = new AtomicBoolean();
        ScheduledFuture<?> deadline = scheduleAbort(post, outOfTime);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, post, null);
            int status = response.getCode();
            Header retryAfter = response.getFirstHeader("Retry-After");
            readAtMostALittle(response.getEntity(), post);
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
                    retryAfter(retryAfter == null ? null : retryAfter.getValue()),
                    took);
        } catch (AddressGuard.Refused refused) {
            return new Outcome("refused", null, refused.getMessage(), null, elapsedMillis(began));
        } catch (IOException e) {
            String error = outOfTime.get()
                    ? "no answer within " + timeout.toMillis() + " ms (newsroom.webhooks.timeout)"
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Outcome("failed", null, error, null, elapsedMillis(began));
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
            closeQuietly(response);
        }
    }

    private static void closeQuietly(@Nullable ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException ignored) {
                // the answer is known; a connection that does not close cleanly is dropped from the pool
            }
        }
    }

    private @Nullable ScheduledFuture<?> scheduleAbort(HttpPost post, AtomicBoolean outOfTime) {
        try {
            return deadlines.schedule(
                    () -> {
                        outOfTime.set(true);
                        post.cancel();
                    },
                    timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }

    /**
     * Reads the body so that the connection can carry the next delivery, unless it is long or slow: then the
     * connection is dropped instead. The endpoint has answered by then, so nothing here changes the outcome.
     */
    private static void readAtMostALittle(@Nullable HttpEntity entity, HttpPost post) {
        if (entity == null) {
            return;
        }
        try (InputStream body = entity.getContent()) {
            if (body == null) {
                return;
            }
            byte[] buffer = new byte[4096];
            int read = 0;
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                read += n;
                if (read > BODY_READ_LIMIT) {
                    post.cancel();
                    return;
                }
            }
        } catch (IOException dropped) {
            post.cancel();
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    @Nullable
    Duration retryAfter(@Nullable String value) {
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

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        connections.close(CloseMode.IMMEDIATE);
    }
}
