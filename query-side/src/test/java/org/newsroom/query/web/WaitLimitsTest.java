package org.newsroom.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaitLimitsTest {

    private final WaitLimits limits = new WaitLimits(5, 3);

    @Test
    void aClientWaitsAtMostItsShareAndEveryoneTogetherAtMostTheTotal() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.acquire("10.0.0.1")).isTrue();
        }
        assertThat(limits.acquire("10.0.0.1")).as("fourth of one client").isFalse();
        assertThat(limits.acquire("10.0.0.2")).isTrue();
        assertThat(limits.acquire("10.0.0.3")).isTrue();
        assertThat(limits.acquire("10.0.0.4")).as("sixth in all").isFalse();
        assertThat(limits.waiting()).isEqualTo(5);

        limits.release("10.0.0.1");
        assertThat(limits.acquire("10.0.0.4")).isTrue();
        assertThat(limits.acquire("10.0.0.1")).as("the total is reached again").isFalse();
        limits.release("10.0.0.4");
        assertThat(limits.acquire("10.0.0.1")).isTrue();
        assertThat(limits.waiting()).isEqualTo(5);
    }
}
