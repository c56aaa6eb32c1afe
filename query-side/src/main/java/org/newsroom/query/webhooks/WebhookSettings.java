package org.newsroom.query.webhooks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.webhooks.*}.
 *
 * @param allowPrivateTargets deliver to loopback, private, link-local and other internal addresses (tests only)
 * @param timeout             how long one delivery may take: connecting, sending and the response head
 * @param retry               the backoff of a failing endpoint
 * @param deliveryEnabled     whether this instance delivers; one that does not never takes a subscription's lease
 * @param lease               how long a subscription's lease lasts unless renewed: an instance that dies is replaced by
 *                            another within about this long; renewed every third of it
 * @param pollInterval        how often each delivering instance looks for subscriptions changed through other
 *                            instances and for leases to take
 * @param maxPerIntegrator    subscriptions one integrator may have
 * @param disableAfter        an endpoint failing without a break for this long is disabled
 * @param secretKey           the key that seals secrets at rest: base64 of 32 bytes (also {@code NEWSROOM_WEBHOOK_KEY})
 * @param secretKeyFile       a file holding that key, when it is not given directly
 * @param previousSecretKeys  keys used before a rotation: secrets sealed under them are re-sealed under the current one
 */
@ConfigurationProperties("newsroom.webhooks")
public record WebhookSettings(
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue Retry retry,
        @DefaultValue("true") boolean deliveryEnabled,
        @DefaultValue("15s") Duration lease,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("25") int maxPerIntegrator,
        @DefaultValue("3d") Duration disableAfter,
        @Nullable String secretKey,
        @Nullable Path secretKeyFile,
        @DefaultValue List<String> previousSecretKeys) {

    /**
     * The wait before attempt {@code n} (n ≥ 2) is {@code initialInterval × multiplier^(n-2)}, at most
     * {@code maxInterval}, spread by ± {@code jitter}. The defaults (5 s, ×5, 24 h, 10 attempts) wait 5 s, 25 s,
     * ~2 min, ~10 min, ~52 min, ~4.3 h, ~21.7 h, 24 h and 24 h: about 75 hours, like the Standard Webhooks example
     * schedule. After the last attempt the subscription is paused.
     */
    public record Retry(
            @DefaultValue("5s") Duration initialInterval,
            @DefaultValue("5") double multiplier,
            @DefaultValue("24h") Duration maxInterval,
            @DefaultValue("10") int maxAttempts,
            @DefaultValue("0.2") double jitter) {}
}
