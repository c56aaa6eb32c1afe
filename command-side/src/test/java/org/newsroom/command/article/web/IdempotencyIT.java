package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.web.StoryApi.json;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.newsroom.command.article.web.StoryApi.Article;
import org.newsroom.testing.ApiResponse;

/** A retry with the same Idempotency-Key gets the first answer again and records nothing new. */
class IdempotencyIT extends CommandApiTestBase {

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void aRetryAfterSuccessGetsTheFirstAnswerAndRecordsNothing() {
        String key = key();
        String body = json(StoryApi.draftBody());
        ApiResponse first = reporter.post("/api/articles", body, "Idempotency-Key", key);
        long head = eventLog.headPosition();

        ApiResponse retry = reporter.post("/api/articles", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        for (String header : List.of("Location", "ETag", "Newsroom-Position")) {
            assertThat(retry.header(header)).as(header).isNotNull().isEqualTo(first.header(header));
        }
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("X-Correlation-Id")).isNotEqualTo(first.header("X-Correlation-Id"));
        assertThat(eventLog.headPosition()).isEqualTo(head);
    }

    @Test
    void aRetryOfARefusedRequestGetsTheSameRefusal() {
        Article article = story.draft();
        String key = key();
        ApiResponse first =
                reporter.patch(article.path(), json(Map.of("headline", StoryApi.HEADLINE)), "Idempotency-Key", key);

        long head = eventLog.headPosition();

        ApiResponse retry =
                reporter.patch(article.path(), json(Map.of("headline", StoryApi.HEADLINE)), "Idempotency-Key", key);

        assertProblem(first, 409, "nothing-to-revise");
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.body())
                .as("the first answer, with the first request's correlation id")
                .isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventLog.headPosition()).isEqualTo(head);
    }

    @Test
    void theSameKeyForADifferentRequestIs422() {
        Article article = story.draft();
        String key = key();
        reporter.patch(article.path(), json(Map.of("headline", "First")), "Idempotency-Key", key);

        refused(
                422,
                "idempotency-key-reused",
                () -> reporter.patch(article.path(), json(Map.of("headline", "Second")), "Idempotency-Key", key));
        refused(
                422,
                "idempotency-key-reused",
                () -> reporter.post(article.path("/submit"), null, "Idempotency-Key", key));
    }

    @Test
    void keysBelongToTheirUser() {
        Article article = story.draft();
        String key = key();
        reporter.patch(article.path(), json(Map.of("headline", "First")), "Idempotency-Key", key);

        ApiResponse editors = editor.patch(article.path(), json(Map.of("headline", "First")), "Idempotency-Key", key);

        assertProblem(editors, 409, "nothing-to-revise");
        assertThat(editors.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void twoConcurrentIdenticalRequestsExecuteOnce() {
        String key = key();
        String body = json(StoryApi.draftBody());
        long head = eventLog.headPosition();
        CountDownLatch start = new CountDownLatch(1);

        List<CompletableFuture<ApiResponse>> both = List.of(
                CompletableFuture.supplyAsync(
                        () -> afterLatch(start, () -> reporter.post("/api/articles", body, "Idempotency-Key", key))),
                CompletableFuture.supplyAsync(
                        () -> afterLatch(start, () -> reporter.post("/api/articles", body, "Idempotency-Key", key))));
        start.countDown();
        List<ApiResponse> answers = both.stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
        assertThat(answers.get(0).body()).isEqualTo(answers.get(1).body());
        assertThat(answers)
                .filteredOn(answer -> answer.header("Idempotent-Replayed") != null)
                .hasSize(1);
        assertThat(eventLog.headPosition()).isEqualTo(head + 1);
    }

    @Test
    void anUnusableKeyIs400() {
        refused(
                400,
                "invalid-idempotency-key",
                () -> reporter.post("/api/articles", json(StoryApi.draftBody()), "Idempotency-Key", "x".repeat(256)));
    }

    private static ApiResponse afterLatch(CountDownLatch latch, java.util.function.Supplier<ApiResponse> call) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return call.get();
    }
}
