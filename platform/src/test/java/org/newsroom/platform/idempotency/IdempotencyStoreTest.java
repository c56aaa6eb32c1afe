package org.newsroom.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.idempotency.IdempotencyStore.Claimed;
import org.newsroom.platform.idempotency.IdempotencyStore.InProgress;
import org.newsroom.platform.idempotency.IdempotencyStore.Mismatch;
import org.newsroom.platform.idempotency.IdempotencyStore.Replay;
import org.newsroom.testing.MutableClock;
import org.newsroom.testing.TestMongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

class IdempotencyStoreTest {

    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");

    private final TestMongo server = new TestMongo();
    private final MongoClient client = MongoClients.create(server.connectionString());
    private final MutableClock clock = new MutableClock(NOON);
    private final IdempotencyStore store =
            new IdempotencyStore(client.getDatabase("test"), clock, Duration.ofHours(24), Duration.ofMinutes(2), false);
    private final StoredAnswer created = new StoredAnswer(
            201,
            List.of(new StoredAnswer.Header("ETag", "\"1\""), new StoredAnswer.Header("Location", "/api/articles/a1")),
            "{\"id\":\"a1\",\"version\":1}".getBytes());

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void theFirstRequestClaimsTheKeyAndADuplicateFindsItInProgress() {
        assertThat(store.claim("editor:k1", "hash")).isInstanceOf(Claimed.class);
        assertThat(store.claim("editor:k1", "hash")).isInstanceOf(InProgress.class);
    }

    @Test
    void aCompletedRequestIsReplayed() {
        Claimed claim = (Claimed) store.claim("editor:k1", "hash");
        store.complete(claim, created);

        Replay replay = (Replay) store.claim("editor:k1", "hash");

        assertThat(replay.answer().status()).isEqualTo(201);
        assertThat(replay.answer().headers()).isEqualTo(created.headers());
        assertThat(replay.answer().body()).isEqualTo(created.body());
    }

    @Test
    void anotherRequestUnderTheSameKeyIsAMismatch() {
        Claimed claim = (Claimed) store.claim("editor:k1", "hash");
        assertThat(store.claim("editor:k1", "other")).isInstanceOf(Mismatch.class);
        store.complete(claim, created);
        assertThat(store.claim("editor:k1", "other")).isInstanceOf(Mismatch.class);
    }

    @Test
    void keysOfOtherUsersAreIndependent() {
        store.claim("editor:k1", "hash");

        assertThat(store.claim("reporter:k1", "hash")).isInstanceOf(Claimed.class);
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        store.release((Claimed) store.claim("editor:k1", "hash"));

        assertThat(store.claim("editor:k1", "hash")).isInstanceOf(Claimed.class);
    }

    @Test
    void anAnswerExpiresAfterTheTtlEvenWithoutATtlIndex() {
        store.complete((Claimed) store.claim("editor:k1", "hash"), created);

        clock.set(NOON.plus(Duration.ofHours(24)).minusSeconds(1));
        assertThat(store.claim("editor:k1", "hash")).isInstanceOf(Replay.class);
        clock.set(NOON.plus(Duration.ofHours(24)));
        assertThat(store.claim("editor:k1", "other")).isInstanceOf(Claimed.class);
    }

    @Test
    void aClaimWhoseLeaseRanOutWasAbandonedAndCanBeTakenOver() {
        Claimed abandoned = (Claimed) store.claim("editor:k1", "hash");

        clock.set(NOON.plus(Duration.ofMinutes(2)));
        Claimed taken = (Claimed) store.claim("editor:k1", "hash");
        store.complete(abandoned, created);

        assertThat(taken.token()).isNotEqualTo(abandoned.token());
        assertThat(store.claim("editor:k1", "hash"))
                .as("the late first request cannot complete a claim it lost")
                .isInstanceOf(InProgress.class);
    }
}
