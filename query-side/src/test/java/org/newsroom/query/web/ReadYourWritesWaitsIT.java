package org.newsroom.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsroom.query.Problems.assertProblem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroom.article.ArticleId;
import org.newsroom.query.Http;
import org.newsroom.query.InMemoryMongo;
import org.newsroom.query.QueryInstance;
import org.newsroom.query.SampleStory;
import org.newsroom.query.projection.ProjectionProcessors;

/**
 * Reads waiting for a position hold no request thread: with ten server threads, forty anonymous reads waiting for a
 * position the site has not reached leave the health check as fast as when idle, and the ones beyond the per-client
 * cap are refused at once.
 */
class ReadYourWritesWaitsIT {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private static final int PER_CLIENT = 40;
    private static final int READS = 50;
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private QueryInstance instance;

    @BeforeEach
    void start() {
        instance = new QueryInstance(
                MONGO.connectionString(),
                MONGO.freshDatabaseName(),
                "server.tomcat.threads.max=10",
                "server.tomcat.threads.min-spare=10",
                "newsroom.query.max-waits-per-client=" + PER_CLIENT,
                "newsroom.query.wait-timeout=20s");
    }

    @AfterEach
    void stop() {
        instance.close();
    }

    @Test
    void waitingReadsHoldNoThreadAndThoseBeyondTheCapAreRefusedAtOnce() throws Exception {
        instance.send("reporter", SampleStory.draft(new ArticleId("w-before")));
        long idle = p99(health(40));

        StreamingEventProcessor site = instance.bean(ProjectionProcessors.class).processor("site");
        site.shutDown();
        long unreached = instance.send("reporter", SampleStory.draft(new ArticleId("w-unreached")));
        List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            reads.add(CLIENT.sendAsync(
                    HttpRequest.newBuilder(instance.http().uri("/site/articles?atLeast=" + unreached))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> reads.stream().filter(CompletableFuture::isDone).count() == READS - PER_CLIENT);
        List<Long> whileWaiting = health(40);
        long waiting = p99(whileWaiting);
        System.out.printf(
                "[waits] /actuator/health with %d reads waiting on 10 server threads: p99 %d ms (idle p99 %d ms)%n",
                PER_CLIENT, waiting, idle);
        assertThat(reads.stream().filter(CompletableFuture::isDone).count()).isEqualTo(READS - PER_CLIENT);
        assertThat(waiting).isLessThan(Math.max(5 * idle, 500));

        for (CompletableFuture<HttpResponse<String>> read : reads) {
            if (read.isDone()) {
                HttpResponse<String> refused = read.get();
                Http.Response response = new Http.Response(refused.statusCode(), refused.headers(), refused.body());
                assertProblem(response, 503, "too-many-waits");
                assertThat(response.header("Retry-After")).isEqualTo("1");
            }
        }

        site.start();
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).get();
        assertThat(reads.stream().map(read -> read.join().statusCode()))
                .as("the waiting reads, answered once the site got there")
                .filteredOn(status -> status == 200)
                .hasSize(PER_CLIENT);
    }

    /** Milliseconds of {@code count} health checks, one after the other. */
    private List<Long> health(int count) throws Exception {
        URI uri = instance.http().uri("/actuator/health");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(response.statusCode()).isEqualTo(200);
        }
        return millis;
    }

    private static long p99(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }
}
