package org.newsroom.query.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.webhooks.*}.
 *
 * @param allowPrivateTargets deliver to loopback, private, link-local and other internal addresses (tests only)
 * @param timeout             how long one delivery may take, connection included
 * @param retry               the backoff of a failing endpoint
 * @param deliveryEnabled     whether this instance delivers; with several query-side instances, exactly one should
 * @param workers             deliveries in flight at once, over all subscriptions
 */
@ConfigurationProperties("newsroom.webhooks")
public record WebhookSettings(
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue Retry retry,
        @DefaultValue("true") boolean deliveryEnabled,
        @DefaultValue("4") int workers) {

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
