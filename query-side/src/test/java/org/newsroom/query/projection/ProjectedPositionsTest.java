package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroom.query.InMemoryMongo;

import com.mongodb.client.MongoDatabase;

/** Two instances' views of the same positions in one database: what one writes, the other reads. */
class ProjectedPositionsTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private static final long LONG = Duration.ofSeconds(30).toNanos();

    private final AtomicReference<int[]> segments = new AtomicReference<>(new int[] {0, 1});
    private ProjectedPositions owner;
    private ProjectedPositions other;

    @BeforeEach
    void twoInstances() {
        MongoDatabase database = MONGO.freshDatabase();
        owner = new ProjectedPositions(database, name -> segments.get());
        other = new ProjectedPositions(database, name -> segments.get());
    }

    @Test
    void aProjectionHasReachedWhatEverySegmentHasWrittenAndPositionsNeverGoBack() {
        owner.publish("site", Map.of(0, 10L));
        assertThat(other.position("site")).isZero();

        owner.publish("site", Map.of(1, 12L));
        assertThat(other.position("site")).isEqualTo(10);
        assertThat(other.segments("site")).containsExactly(Map.entry(0, 10L), Map.entry(1, 12L));
        assertThat(other.highestWritten("site")).isEqualTo(12);

        other.publish("site", Map.of(0, 4L));
        assertThat(owner.position("site")).isEqualTo(10);
        assertThat(other.position("editorial")).isZero();
    }

    @Test
    void aWaiterOnAnotherInstanceIsReleasedByItsPollOnceEverySegmentGotThere() throws Exception {
        CompletableFuture<Boolean> waiter = other.await("site", 42, LONG);
        assertThat(other.awaited()).containsExactly("site");

        owner.publish("site", Map.of(0, 42L, 1, 41L));
        other.poll(other.awaited());
        assertThat(waiter).isNotDone();

        owner.publish("site", Map.of(1, 43L));
        other.poll(other.awaited());
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(other.awaited()).isEmpty();
    }

    @Test
    void whatAnInstanceWritesReleasesItsOwnWaitersWithoutMongoDB() throws Exception {
        CompletableFuture<Boolean> waiter = owner.await("audit", 7, LONG);
        owner.written("audit", 0, 7);
        assertThat(waiter).isNotDone();
        owner.written("audit", 1, 9);
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(other.position("audit")).isZero();
    }

    @Test
    void aWaiterGivesUpWhenItsTimeIsUpAndAReachedPositionAnswersAtOnce() throws Exception {
        owner.publish("audit", Map.of(0, 10L, 1, 10L));
        CompletableFuture<Boolean> late = other.await("audit", 11, 0);
        other.expire();
        assertThat(late.get(5, TimeUnit.SECONDS)).isFalse();

        other.poll(java.util.List.of("audit"));
        assertThat(other.await("audit", 10, 0)).isCompletedWithValue(true);
    }

    @Test
    void onlyTheSegmentsTheTokenStoreListsCount() {
        owner.publish("site", Map.of(0, 30L, 1, 5L));
        assertThat(other.position("site")).isEqualTo(5);
        segments.set(new int[] {0});
        assertThat(other.position("site")).isEqualTo(30);
        segments.set(new int[0]);
        assertThat(other.position("site")).isZero();
    }

    @Test
    void theLogsHeadAnnouncedByOneInstanceIsReadByTheOthersPoll() {
        owner.publishHead(17);
        other.poll(java.util.List.of());
        assertThat(other.announcedHead()).isEqualTo(17);
        owner.publishHead(3);
        other.poll(java.util.List.of());
        assertThat(other.announcedHead()).isEqualTo(17);
    }
}
