package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.MutableClock;

/** Tokens are written at most once per interval, and never lost when the claim is extended, released or fetched. */
class CoalescingTokenStoreTest {

    private static final String PROCESSOR = "site";

    private final AtomicInteger writes = new AtomicInteger();
    private final InMemoryTokenStore stored = new InMemoryTokenStore() {
        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            writes.incrementAndGet();
            super.storeToken(token, processorName, segment);
        }
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final CoalescingTokenStore tokens = new CoalescingTokenStore(stored, Duration.ofMillis(500), clock);

    @Test
    void writesAtMostOncePerIntervalAndFlushesBeforeTheClaimIsExtendedOrReleased() {
        tokens.initializeTokenSegments(PROCESSOR, 1);
        tokens.fetchToken(PROCESSOR, 0);

        tokens.storeToken(position(10), PROCESSOR, 0);
        later(100);
        tokens.storeToken(position(20), PROCESSOR, 0);
        tokens.storeToken(position(30), PROCESSOR, 0);
        assertThat(writes).hasValue(1);
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(position(10));

        later(500);
        tokens.storeToken(position(40), PROCESSOR, 0);
        assertThat(writes).hasValue(2);
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(position(40));

        later(10);
        tokens.storeToken(position(50), PROCESSOR, 0);
        tokens.extendClaim(PROCESSOR, 0);
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(position(50));

        later(10);
        tokens.storeToken(position(60), PROCESSOR, 0);
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(position(60));

        later(10);
        tokens.storeToken(position(70), PROCESSOR, 0);
        tokens.releaseClaim(PROCESSOR, 0);
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(position(70));
    }

    private void later(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }

    private static TrackingToken position(long position) {
        return new GlobalSequenceTrackingToken(position);
    }
}
