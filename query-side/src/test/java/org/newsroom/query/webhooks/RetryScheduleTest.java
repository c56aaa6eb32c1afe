package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final WebhookSettings.Retry DEFAULTS =
            new WebhookSettings.Retry(Duration.ofSeconds(5), 5, Duration.ofHours(24), 10, 0.2);

    @Test
    void theDefaultScheduleSpreadsTenAttemptsOverAboutThreeDaysLikeTheStandardWebhooksExample() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS, () -> 0.5);

        Duration total = IntStream.rangeClosed(2, schedule.maxAttempts())
                .mapToObj(schedule::nominalDelayBefore)
                .reduce(Duration.ZERO, Duration::plus);

        assertThat(schedule.nominalDelayBefore(2)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.nominalDelayBefore(3)).isEqualTo(Duration.ofSeconds(25));
        assertThat(schedule.nominalDelayBefore(10)).isEqualTo(Duration.ofHours(24));
        assertThat(total).isBetween(Duration.ofHours(72), Duration.ofHours(78));
    }

    @Test
    void jitterSpreadsEachDelayWithinItsBounds() {
        assertThat(new RetrySchedule(DEFAULTS, () -> 0.0).delayBefore(3, null)).isEqualTo(Duration.ofSeconds(20));
        assertThat(new RetrySchedule(DEFAULTS, () -> 0.5).delayBefore(3, null)).isEqualTo(Duration.ofSeconds(25));
        assertThat(new RetrySchedule(DEFAULTS, () -> 1.0).delayBefore(3, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(new RetrySchedule(DEFAULTS, () -> 1.0).delayBefore(10, null)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void retryAfterIsHonouredUpToTheMaximumInterval() {
        RetrySchedule schedule = new RetrySchedule(DEFAULTS, () -> 0.5);

        assertThat(schedule.delayBefore(2, Duration.ofMinutes(3))).isEqualTo(Duration.ofMinutes(3));
        assertThat(schedule.delayBefore(2, Duration.ofDays(7))).isEqualTo(Duration.ofHours(24));
    }
}
