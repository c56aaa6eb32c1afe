package org.newsroom.query.webhooks;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** When to try a failing delivery again: exponential backoff with jitter, or what the endpoint's Retry-After says. */
public class RetrySchedule {

    private final WebhookSettings.Retry settings;
    private final DoubleSupplier random;

    public RetrySchedule(WebhookSettings.Retry settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    public int maxAttempts() {
        return Math.max(1, settings.maxAttempts());
    }

    /** The wait before attempt {@code attempt} (2 for the first retry), unjittered. */
    public Duration nominalDelayBefore(int attempt) {
        double millis =
                settings.initialInterval().toMillis() * Math.pow(settings.multiplier(), Math.max(0, attempt - 2));
        return Duration.ofMillis((long) Math.min(millis, settings.maxInterval().toMillis()));
    }

    /**
     * The wait before attempt {@code attempt}: the nominal delay spread by ± jitter, or the endpoint's
     * {@code Retry-After} when it gave one; never more than the maximum interval.
     */
    public Duration delayBefore(int attempt, Duration retryAfter) {
        long max = settings.maxInterval().toMillis();
        if (retryAfter != null && !retryAfter.isNegative()) {
            return Duration.ofMillis(Math.min(retryAfter.toMillis(), max));
        }
        double spread = 1 + settings.jitter() * (2 * random.getAsDouble() - 1);
        long millis = (long) (nominalDelayBefore(attempt).toMillis() * spread);
        return Duration.ofMillis(Math.max(0, Math.min(millis, max)));
    }
}
