package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroom.article.ArticleId;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.query.Http;
import org.newsroom.query.InMemoryMongo;
import org.newsroom.query.QueryInstance;
import org.newsroom.query.QueryInstance.Published;
import org.newsroom.query.SampleStory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Several instances of the application on one MongoDB (the embedded server, shared by Spring contexts in this JVM),
 * as an outside tester ran them: projections shared through Axon's token claims, read-your-writes on every instance,
 * rebuilds coordinated through MongoDB.
 */
class MultiInstanceIT {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private static final String OPERATOR = "operator";
    private static final List<String> PROJECTIONS = List.of("audit", "editorial", "site");
    /** The site's two segments, and one each for editorial and audit, whose word indexes articles share. */
    private static final int SEGMENTS = 4;
    /** One segment: one instance owns each projection, the other owns nothing, as in the findings. */
    private static final String ONE_SEGMENT = "newsroom.query.segments=1";
    /** A rebuild of a few dozen articles in several batches, as one of hundreds of events would be. */
    private static final String SMALL_REBUILD_BATCHES = "newsroom.query.rebuild-batch-size=10";

    private final List<QueryInstance> started = new ArrayList<>();
    private String database;

    @BeforeEach
    void freshDatabase() {
        database = MONGO.freshDatabaseName();
    }

    @AfterEach
    void stopAll() {
        Collections.reverse(started);
        for (QueryInstance instance : started) {
            try {
                instance.close();
            } catch (RuntimeException e) {
                // already closed, or cut off on purpose
            }
        }
        started.clear();
    }

    /** Finding: a rebuild started on the instance without the claim went live with part of the events. */
    @Test
    void aRebuildStartedOnAnInstanceThatOwnsNoClaimKeepsEveryDocumentAndRunsOnce() throws Exception {
        QueryInstance owner = startOwningEverything(ONE_SEGMENT);
        QueryInstance other = start(ONE_SEGMENT);
        List<Published> articles = publish(owner, "n", 30);
        awaitCaughtUp(owner, owner.bean(EventLogStorageEngine.class).headPosition());
        assertThat(claimed(other)).as("the other instance owns no claim").isZero();

        List<Published> during = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; writing.get() && i < 15; i++) {
                during.add(owner.publish(String.format("d%02d-story", i)));
            }
        });
        for (String name : PROJECTIONS) {
            Http.Response started = other.http().post("/actuator/projections/" + name + "/rebuild", OPERATOR);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.json().path("version").asInt()).isEqualTo(2);
        }
        List<JsonNode> progress = new ArrayList<>();
        for (String name : PROJECTIONS) {
            JsonNode done = awaitRebuild(other, name);
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
            progress.add(done);
        }
        writing.set(false);
        writer.get();
        List<Published> all = new ArrayList<>(articles);
        all.addAll(during);
        long head = owner.bean(EventLogStorageEngine.class).headPosition();
        for (QueryInstance instance : List.of(owner, other)) {
            assertEveryArticleServed(instance, all, head);
            awaitServing(instance, 2);
        }
        for (JsonNode done : progress) {
            assertThat(owner.http()
                            .get(
                                    "/actuator/projections/"
                                            + done.path("projection").asText() + "/rebuild",
                                    OPERATOR)
                            .json())
                    .as("the same progress on the owner")
                    .isEqualTo(done);
        }
    }

    /** Finding: after a correct rebuild on the owner, the other instance went on serving the dropped version. */
    @Test
    void theOtherInstanceServesTheNewVersionWithinSecondsOfTheSwitch() {
        QueryInstance owner = startOwningEverything(ONE_SEGMENT);
        QueryInstance other = start(ONE_SEGMENT);
        List<Published> articles = publish(owner, "s", 20);
        long head = articles.get(articles.size() - 1).position();
        assertEveryArticleServed(owner, articles, head);
        assertEveryArticleServed(other, articles, 0);

        for (String name : PROJECTIONS) {
            assertThat(owner.http()
                            .post("/actuator/projections/" + name + "/rebuild", OPERATOR)
                            .status())
                    .isEqualTo(202);
        }
        for (String name : PROJECTIONS) {
            assertThat(awaitRebuild(owner, name).path("state").asText()).isEqualTo("COMPLETED");
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertServing(other, 2));
        assertEveryArticleServed(other, articles, 0);
        assertThat(MONGO.database(database).listCollectionNames().into(new ArrayList<>()))
                .noneMatch(collection -> collection.matches("(site|editorial|audit)_v1_.*"));
    }

    /** Finding: after a rebuild and a restart of both instances, articles answered 404 while the lag said 0. */
    @Test
    void afterARebuildAndARestartOfBothInstancesEveryArticleIsServedAndTheLagIsTrue() {
        QueryInstance owner = startOwningEverything(ONE_SEGMENT);
        QueryInstance other = start(ONE_SEGMENT, SMALL_REBUILD_BATCHES);
        List<Published> articles = publish(owner, "r", 25);
        for (String name : PROJECTIONS) {
            assertThat(other.http()
                            .post("/actuator/projections/" + name + "/rebuild", OPERATOR)
                            .status())
                    .isEqualTo(202);
        }
        for (String name : PROJECTIONS) {
            assertThat(awaitRebuild(other, name).path("state").asText()).isEqualTo("COMPLETED");
        }
        other.close();
        owner.close();

        QueryInstance first = startOwningEverything(ONE_SEGMENT);
        QueryInstance second = start(ONE_SEGMENT);
        long head = first.bean(EventLogStorageEngine.class).headPosition();
        // the transparency log signs a checkpoint after the last publication: an event of the log too
        assertThat(head)
                .isGreaterThanOrEqualTo(articles.get(articles.size() - 1).position());
        for (QueryInstance instance : List.of(first, second)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode status =
                        instance.http().get("/actuator/projections", OPERATOR).json();
                for (String name : PROJECTIONS) {
                    JsonNode projection = status.path("projections").path(name);
                    assertThat(projection.path("lag").asLong()).as(name).isZero();
                    assertThat(projection.path("position").asLong()).as(name).isEqualTo(head);
                    assertThat(projection.path("activeVersion").asInt())
                            .as(name)
                            .isEqualTo(2);
                }
            });
            assertEveryArticleServed(instance, articles, 0);
        }
    }

    /**
     * Finding: {@code ?atLeast=} answered 503 on every instance that owns no claim, even for its own writes. Also
     * measures the wait for a write on the owner read on the other instance.
     */
    @Test
    void atLeastIsAnsweredOnAnInstanceThatOwnsNoClaimForAnyInstancesWrites() {
        QueryInstance owner = startOwningEverything(ONE_SEGMENT);
        QueryInstance other = start(ONE_SEGMENT);
        assertThat(claimed(other)).isZero();

        for (int i = 0; i < 5; i++) {
            ArticleId own = new ArticleId("own-write-" + i);
            long position = other.send("reporter", SampleStory.draft(own));
            assertThat(other.http()
                            .get("/api/articles/" + own + "?atLeast=" + position, "reporter")
                            .status())
                    .as("its own write")
                    .isEqualTo(200);
        }

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ArticleId id = new ArticleId(String.format("owner-write-%03d", i));
            long position = owner.send("reporter", SampleStory.draft(id));
            long before = System.nanoTime();
            Http.Response read = other.http().get("/api/articles/" + id + "?atLeast=" + position, "reporter");
            millis.add((System.nanoTime() - before) / 1_000_000);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.json().path("headline").asText()).isEqualTo(SampleStory.HEADLINE);
        }
        Collections.sort(millis);
        long p50 = millis.get(millis.size() / 2);
        long p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
        System.out.printf(
                "[read-your-writes] write on the owner, atLeast read on an instance without claims, %d writes:"
                        + " p50 %d ms, p99 %d ms, max %d ms%n",
                millis.size(), p50, p99, millis.get(millis.size() - 1));
        assertThat(p50).isLessThan(500);
    }

    /** Segments spread over instances; claims move to the survivors after a clean shutdown and after a death. */
    @Test
    void segmentsSpreadOverTheInstancesAndMoveToTheSurvivorsWhenOneStopsOrDies() {
        QueryInstance first = startOwningEverything();
        assertThat(first.bean(EventProcessingConfiguration.class).sequencingPolicy("site"))
                .isInstanceOf(SequentialPerAggregatePolicy.class);
        QueryInstance second = start();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertShared(first, second));
        List<Published> before = publish(second, "a", 10);

        long stopped = System.nanoTime();
        second.close();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(claimed(first)).isEqualTo(SEGMENTS));
        System.out.printf(
                "[claims] after a clean shutdown the survivor had every segment in %d ms%n",
                (System.nanoTime() - stopped) / 1_000_000);

        QueryInstance third = start();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertShared(first, third));
        long died = System.nanoTime();
        third.cutOff();
        List<Published> after = publish(first, "b", 10);
        await().atMost(Duration.ofSeconds(12))
                .untilAsserted(() -> assertThat(claimed(first)).isEqualTo(SEGMENTS));
        System.out.printf(
                "[claims] after an instance died the survivor had every segment in %d ms (claim timeout 5 s)%n",
                (System.nanoTime() - died) / 1_000_000);

        List<Published> all = new ArrayList<>(before);
        all.addAll(after);
        assertEveryArticleServed(first, all, after.get(after.size() - 1).position());
    }

    /**
     * A rebuild runs once: a second start, on another instance, answers 409 with its progress; and when its instance
     * dies, another takes it over once its lease expires, and finishes it.
     */
    @Test
    void aRebuildRunsOnceAndIsTakenOverWhenItsInstanceDies() {
        QueryInstance owner = startOwningEverything(ONE_SEGMENT);
        QueryInstance holder = start(ONE_SEGMENT, "newsroom.query.rebuild-batch-size=1");
        List<Published> articles = publish(owner, "t", 60);
        assertThat(holder.http()
                        .post("/actuator/projections/audit/rebuild", OPERATOR)
                        .status())
                .isEqualTo(202);
        Http.Response again = owner.http().post("/actuator/projections/audit/rebuild", OPERATOR);
        assertThat(again.status()).as("a second start while one runs").isEqualTo(409);
        assertThat(again.json().path("rebuild").path("version").asInt()).isEqualTo(2);
        assertThat(again.json().path("rebuild").path("state").asText()).matches("RUNNING|SWITCHING");
        assertThat(again.json().path("rebuild").path("instance").asText())
                .isEqualTo(holder.bean(ProjectionInstances.class).id());
        holder.cutOff();
        List<Published> during = publish(owner, "u", 5);

        JsonNode done = awaitRebuild(owner, "audit");
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("instance").asText())
                .isEqualTo(owner.bean(ProjectionInstances.class).id());
        assertThat(done.path("version").asInt()).isEqualTo(2);
        List<Published> all = new ArrayList<>(articles);
        all.addAll(during);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> owner.http()
                                .get("/actuator/projections/audit", OPERATOR)
                                .json()
                                .path("activeVersion")
                                .asInt()
                        == 2);
        assertEveryArticleServed(owner, all, during.get(during.size() - 1).position());
    }

    private QueryInstance start(String... properties) {
        QueryInstance instance = new QueryInstance(MONGO.connectionString(), database, properties);
        started.add(instance);
        return instance;
    }

    private QueryInstance startOwningEverything(String... properties) {
        QueryInstance instance = start(properties);
        int segments = List.of(properties).contains(ONE_SEGMENT) ? PROJECTIONS.size() : SEGMENTS;
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(claimed(instance)).isEqualTo(segments));
        return instance;
    }

    /** Segments of the three projections this instance has claimed. */
    /** Each instance has one of the site's two segments; editorial's and audit's one segment each went to either. */
    private static void assertShared(QueryInstance one, QueryInstance other) {
        assertThat(one.bean(ProjectionProcessors.class).claimedPositions("site"))
                .hasSize(1);
        assertThat(other.bean(ProjectionProcessors.class).claimedPositions("site"))
                .hasSize(1);
        assertThat(claimed(one) + claimed(other)).isEqualTo(SEGMENTS);
    }

    private static int claimed(QueryInstance instance) {
        ProjectionProcessors processors = instance.bean(ProjectionProcessors.class);
        return PROJECTIONS.stream()
                .mapToInt(name -> processors.claimedPositions(name).size())
                .sum();
    }

    /** Articles told apart by their first 8 characters, as their slugs are: {@code <tag><nn>-story}. */
    private static List<Published> publish(QueryInstance instance, String tag, int count) {
        List<Published> published = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            published.add(instance.publish(String.format("%s%02d-story", tag, i)));
        }
        return published;
    }

    private static void awaitCaughtUp(QueryInstance instance, long head) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String name : PROJECTIONS) {
                assertThat(instance.bean(ProjectedPositions.class).position(name))
                        .as(name)
                        .isGreaterThanOrEqualTo(head);
            }
        });
    }

    private static JsonNode awaitRebuild(QueryInstance instance, String name) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> instance.http()
                        .get("/actuator/projections/" + name + "/rebuild", OPERATOR)
                        .json()
                        .path("state")
                        .asText()
                        .matches("COMPLETED|FAILED"));
        return instance.http()
                .get("/actuator/projections/" + name + "/rebuild", OPERATOR)
                .json();
    }

    private static void awaitServing(QueryInstance instance, int version) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertServing(instance, version));
    }

    private static void assertServing(QueryInstance instance, int version) {
        JsonNode projections =
                instance.http().get("/actuator/projections", OPERATOR).json().path("projections");
        for (String name : PROJECTIONS) {
            assertThat(projections.path(name).path("activeVersion").asInt())
                    .as(name)
                    .isEqualTo(version);
        }
    }

    /**
     * Every article, read with {@code ?atLeast=} the position given (0: without waiting), is on the site, in the
     * editorial view and in the audit trail, and nothing is parked.
     */
    private static void assertEveryArticleServed(QueryInstance instance, List<Published> articles, long atLeast) {
        List<String> missing = new ArrayList<>();
        for (Published article : articles) {
            Http.Response site = instance.http().get("/site/articles/" + article.slug() + "?atLeast=" + atLeast, null);
            if (site.status() != 200) {
                missing.add("site " + article.slug() + ": " + site.status());
            }
            Http.Response editorial =
                    instance.http().get("/api/articles/" + article.id() + "?atLeast=" + atLeast, "editor");
            if (editorial.status() != 200) {
                missing.add("editorial " + article.id() + ": " + editorial.status());
            }
            Http.Response audit =
                    instance.http().get("/audit/articles/" + article.id() + "/history?atLeast=" + atLeast, "auditor");
            if (audit.status() != 200 || audit.json().path("entries").size() != 3) {
                missing.add("audit " + article.id() + ": " + audit.status() + " " + audit.body());
            }
        }
        assertThat(missing).as("of %d articles", articles.size()).isEmpty();
        JsonNode projections =
                instance.http().get("/actuator/projections", OPERATOR).json().path("projections");
        for (String name : PROJECTIONS) {
            assertThat(projections.path(name).path("parkedArticles").asLong())
                    .as("parked in " + name)
                    .isZero();
        }
    }
}
