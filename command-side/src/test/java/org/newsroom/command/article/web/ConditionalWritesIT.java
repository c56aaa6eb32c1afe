package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.web.StoryApi.json;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.newsroom.command.article.web.StoryApi.Article;
import org.newsroom.testing.ApiResponse;

/** If-Match makes a write conditional on the article version; without it, the latest version is changed. */
class ConditionalWritesIT extends CommandApiTestBase {

    private static final int CONCURRENT = 20;

    @Test
    void writesWhenIfMatchNamesTheCurrentVersion() {
        Article article = story.draft();

        ApiResponse revised = reporter.patch(article.path(), json(Map.of("headline", "New")), "If-Match", "\"1\"");

        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.etagVersion()).isEqualTo(2);
    }

    @Test
    void writesUnconditionallyWithAStar() {
        Article article = story.draft();

        assertThat(reporter.patch(article.path(), json(Map.of("headline", "New")), "If-Match", "*")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refusesAStaleIfMatchWithTheCurrentVersion() {
        Article article = story.assignByline(story.draft());

        ApiResponse response = refused(
                412,
                "version-mismatch",
                () -> reporter.patch(article.path(), json(Map.of("headline", "New")), "If-Match", "\"1\""));

        assertThat(response.json().path("currentVersion").asLong()).isEqualTo(2);
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void refusesAnIfMatchFromTheFuture() {
        Article article = story.draft();

        ApiResponse response = refused(
                412,
                "version-mismatch",
                () -> reporter.patch(article.path(), json(Map.of("headline", "New")), "If-Match", "\"7\""));

        assertThat(response.json().path("currentVersion").asLong()).isEqualTo(1);
    }

    @Test
    void checksIfMatchBeforeTheRules() {
        Article article = story.submit(story.draft());

        ApiResponse response = refused(
                412, "version-mismatch", () -> reporter.post(article.path("/submit"), null, "If-Match", "\"1\""));

        assertThat(response.json().path("currentVersion").asLong()).isEqualTo(2);
        refused(409, "not-a-draft", () -> reporter.post(article.path("/submit"), null, "If-Match", "\"2\""));
    }

    @Test
    void letsExactlyOneOfTwentyWritesWithTheSameIfMatchThrough() {
        Article article = story.draft();

        List<ApiResponse> responses = concurrently(i -> reporter.patch(
                article.path(),
                json(Map.of("headline", "Headline " + i)),
                "If-Match",
                "\"" + article.version() + "\""));

        assertThat(responses).filteredOn(response -> response.status() == 200).hasSize(1);
        assertThat(responses)
                .filteredOn(response -> response.status() == 412)
                .hasSize(CONCURRENT - 1)
                .allSatisfy(response -> assertProblem(response, 412, "version-mismatch"));
        assertThat(eventLog.storedEvents(article.id())).hasSize((int) article.version() + 1);
    }

    @Test
    void appliesTwentyConcurrentPhotoAttachmentsWithoutIfMatchInOrder() {
        Article article = story.draft();

        List<ApiResponse> responses = concurrently(i -> reporter.post(
                article.path("/photos"),
                json(StoryApi.photo("https://images.example.com/" + i + ".jpg", "Photo " + i, "AFP", null))));

        assertThat(responses)
                .allSatisfy(response -> assertThat(response.status()).isEqualTo(201));
        assertThat(responses.stream()
                        .map(response -> response.json().path("version").asLong()))
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(2, CONCURRENT + 1).boxed().toList());
        assertThat(eventLog.storedEvents(article.id())).hasSize(CONCURRENT + 1);
    }

    private static List<ApiResponse> concurrently(IntFunction<ApiResponse> request) {
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<ApiResponse>> futures = IntStream.range(0, CONCURRENT)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> {
                                await(start);
                                return request.apply(i);
                            },
                            threads))
                    .toList();
            start.countDown();
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
