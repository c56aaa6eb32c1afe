package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

/** Shared reads hand a stream only consecutive positions right after its own, exactly as the log would. */
class RecentReadsTest {

    @Test
    void takesConsecutivePositionsAfterTheTokenAndStopsAtTheFirstMissing() {
        RecentReads reads = new RecentReads(100);
        reads.keep(events(1, 10));
        reads.keep(events(12, 15));
        Deque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();

        assertThat(reads.takeAfter(3, 500, buffer)).isEqualTo(7);
        assertThat(buffer).extracting(RecentReadsTest::position).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(reads.takeAfter(10, 500, new ArrayDeque<>())).isZero();
        assertThat(reads.takeAfter(0, 2, new ArrayDeque<>())).isEqualTo(2);
    }

    @Test
    void dropsPositionsFarBelowTheHighest() {
        RecentReads reads = new RecentReads(10);
        reads.keep(events(1, 30));
        assertThat(reads.takeAfter(0, 500, new ArrayDeque<>())).isZero();
        Deque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
        assertThat(reads.takeAfter(20, 500, buffer)).isEqualTo(10);
        assertThat(position(buffer.getLast())).isEqualTo(30);
    }

    private static List<TrackedEventMessage<?>> events(long from, long to) {
        return LongStream.rangeClosed(from, to)
                .<TrackedEventMessage<?>>mapToObj(position -> new GenericTrackedEventMessage<>(
                        new GlobalSequenceTrackingToken(position), GenericEventMessage.asEventMessage("e" + position)))
                .toList();
    }

    private static long position(TrackedEventMessage<?> event) {
        return ((GlobalSequenceTrackingToken) event.trackingToken()).getGlobalIndex();
    }
}
