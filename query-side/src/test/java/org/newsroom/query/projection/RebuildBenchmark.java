package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleRevised;
import org.newsroom.query.NewsroomIT;
import org.newsroom.query.QueryTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * By hand only: its name matches neither {@code *Test} nor {@code *IT}, so it runs only when asked for by name,
 * {@code ./mvnw -B -q -pl query-side -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=RebuildBenchmark -Dnewsroom.benchmark.events=100000}. Fills a fresh log on the embedded default (H2 file) with
 * articles of 100 events each (a draft, then revisions), one event per commit, then compares reading the whole log
 * raw with rebuilding each projection from it. Prints its measurements.
 */
@SpringBootTest(
        classes = QueryTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.banner-mode=off", "management.endpoints.web.exposure.include=projections"})
@DirtiesContext
class RebuildBenchmark extends NewsroomIT {

    private static final Path DATA_DIR = temporaryDirectory("newsroom-benchmark");
    private static final int EVENTS_PER_ARTICLE = 100;
    private static final int WRITERS = 8;

    @Autowired
    private Projections projections;

    @Autowired
    private EventStore eventStore;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("newsroom.data-dir", DATA_DIR::toString);
    }

    @Test
    void rebuildingComparedWithReadingTheLogRaw() throws Exception {
        int events = Integer.getInteger("newsroom.benchmark.events", 100_000);
        long started = System.nanoTime();
        fill(events);
        long head = engine.headPosition();
        System.out.printf("[benchmark] wrote %d events in %d s%n", head, seconds(started));
        for (String name : projections.names()) {
            await().atMost(Duration.ofMinutes(30))
                    .until(() -> projections.positions().position(name) >= head);
        }
        System.out.printf("[benchmark] live projections caught up after %d s%n", seconds(started));

        long rawStarted = System.nanoTime();
        long read;
        try (Stream<? extends TrackedEventMessage<?>> log =
                engine.readEvents(new GlobalSequenceTrackingToken(0), false)) {
            read = log.count();
        }
        long rawMillis = millis(rawStarted);
        long deserializedStarted = System.nanoTime();
        long deserialized;
        try (Stream<? extends TrackedEventMessage<?>> log =
                engine.readEvents(new GlobalSequenceTrackingToken(0), false)) {
            deserialized = log.map(TrackedEventMessage::getPayload).count();
        }
        long deserializedMillis = millis(deserializedStarted);
        System.out.printf(
                "[benchmark] raw read of %d events: %d ms; with payloads deserialized (%d): %d ms%n",
                read, rawMillis, deserialized, deserializedMillis);

        for (String name : projections.names()) {
            long rebuildStarted = System.nanoTime();
            http.post("/actuator/projections/" + name + "/rebuild", OPERATOR);
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> http.get("/actuator/projections/" + name + "/rebuild", OPERATOR)
                            .json()
                            .path("state")
                            .asText()
                            .matches("COMPLETED|FAILED"));
            long rebuildMillis = millis(rebuildStarted);
            var progress = http.get("/actuator/projections/" + name + "/rebuild", OPERATOR)
                    .json();
            assertThat(progress.path("state").asText()).isEqualTo("COMPLETED");
            System.out.printf(
                    "[benchmark] rebuild of %s: %d events in %d ms (%.0f events/s, %.1fx the raw read)%n",
                    name,
                    progress.path("done").asLong(),
                    rebuildMillis,
                    progress.path("eventsPerSecond").asDouble(),
                    rebuildMillis / (double) Math.max(1, rawMillis));
        }
    }

    private void fill(int events) throws Exception {
        int articles = Math.max(1, events / EVENTS_PER_ARTICLE);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int a = writer; a < articles; a += WRITERS) {
                    ArticleId id = new ArticleId(String.format("%06d-benchmark", a));
                    append(id, 0, new ArticleDrafted(id, "Benchmark " + a, null, "<p>Body.</p>", "en"));
                    for (int e = 1; e < EVENTS_PER_ARTICLE; e++) {
                        append(
                                id,
                                e,
                                new ArticleRevised(
                                        id,
                                        "Benchmark " + a + " revision " + e,
                                        null,
                                        e % 10 == 0 ? "<p>Body, revision " + e + ".</p>" : null,
                                        null));
                    }
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        writers.shutdown();
    }

    /** One event per commit, as one command per event would append, without loading the aggregate each time. */
    private void append(ArticleId id, long sequenceNumber, Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("Article", id.value(), sequenceNumber, event));
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static long millis(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toMillis();
    }
}
