package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ProjectedPositionsTest {

    private final ProjectedPositions positions = new ProjectedPositions();

    @Test
    void aWaiterIsReleasedWhenTheProjectionGetsThere() throws Exception {
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return positions.await("site", 42, Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        positions.advance("site", 41);
        positions.advance("editorial", 42);
        positions.advance("site", 42);
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(positions.position("site")).isEqualTo(42);
    }

    @Test
    void aWaiterGivesUpAfterTheTimeoutAndPositionsNeverGoBack() throws Exception {
        positions.advance("audit", 10);
        positions.advance("audit", 3);
        assertThat(positions.position("audit")).isEqualTo(10);
        assertThat(positions.await("audit", 11, Duration.ofMillis(50))).isFalse();
        assertThat(positions.await("audit", 10, Duration.ZERO)).isTrue();
    }

    @Test
    void theProcessorsOwnPositionCountsWhenNothingWasWrittenSinceStart() throws Exception {
        positions.fallback("site", () -> 99);
        assertThat(positions.await("site", 99, Duration.ZERO)).isTrue();
        assertThat(positions.position("site")).isEqualTo(99);
    }
}
