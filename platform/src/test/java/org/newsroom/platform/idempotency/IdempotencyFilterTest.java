package org.newsroom.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.web.ProblemWriter;
import org.newsroom.testing.TestMongo;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import jakarta.servlet.FilterChain;

class IdempotencyFilterTest {

    private final TestMongo server = new TestMongo();
    private final MongoClient client = MongoClients.create(server.connectionString());
    private final IdempotencyStore store = new IdempotencyStore(
            client.getDatabase("test"), Clock.systemUTC(), Duration.ofHours(24), Duration.ofMinutes(2), false);
    private final IdempotencyFilter filter = new IdempotencyFilter(
            store, new ProblemWriter(Jackson2ObjectMapperBuilder.json().build()), Duration.ofMillis(300), null);
    private final AtomicInteger executions = new AtomicInteger();

    IdempotencyFilterTest() {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("editor", "x", "ROLE_editor"));
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        client.close();
        server.close();
    }

    private static MockHttpServletRequest request(String key) {
        MockHttpServletRequest request = new MockHttpServletRequest("PATCH", "/api/articles/a1");
        request.addHeader("Idempotency-Key", key);
        return request;
    }

    private FilterChain answering(int status) {
        return (request, response) -> {
            executions.incrementAndGet();
            ((jakarta.servlet.http.HttpServletResponse) response).setStatus(status);
            response.setContentType("application/json");
            response.getWriter().write("{\"version\":2}");
        };
    }

    private FilterChain answeringProblem(int status, String code) {
        return (request, response) -> {
            executions.incrementAndGet();
            ((jakarta.servlet.http.HttpServletResponse) response).setStatus(status);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"status\":" + status + ",\"code\":\"" + code + "\"}");
        };
    }

    @Test
    void storesASuccessAndReplaysIt() throws Exception {
        filter.doFilter(request("k1"), new MockHttpServletResponse(), answering(200));
        MockHttpServletResponse retry = new MockHttpServletResponse();

        filter.doFilter(request("k1"), retry, answering(200));

        assertThat(executions).hasValue(1);
        assertThat(retry.getStatus()).isEqualTo(200);
        assertThat(retry.getContentAsString()).isEqualTo("{\"version\":2}");
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aServerErrorReleasesTheKeySoThatARetryExecutes() throws Exception {
        MockHttpServletResponse failed = new MockHttpServletResponse();
        filter.doFilter(request("k1"), failed, answering(503));
        MockHttpServletResponse retry = new MockHttpServletResponse();

        filter.doFilter(request("k1"), retry, answering(200));

        assertThat(failed.getStatus()).isEqualTo(503);
        assertThat(executions).hasValue(2);
        assertThat(retry.getStatus()).isEqualTo(200);
        assertThat(retry.getHeader("Idempotent-Replayed")).isNull();
    }

    @Test
    void aConcurrentChangeIsNotKeptAsTheAnswerSoThatARetryExecutesAgain() throws Exception {
        MockHttpServletResponse lost = new MockHttpServletResponse();
        filter.doFilter(request("k1"), lost, answeringProblem(409, "concurrent-change"));
        MockHttpServletResponse retry = new MockHttpServletResponse();

        filter.doFilter(request("k1"), retry, answering(200));

        assertThat(lost.getStatus()).isEqualTo(409);
        assertThat(executions).hasValue(2);
        assertThat(retry.getStatus()).isEqualTo(200);
        assertThat(retry.getHeader("Idempotent-Replayed")).isNull();
    }

    @Test
    void aConflictWithARuleOfTheWorkflowIsKeptAndReplayed() throws Exception {
        filter.doFilter(request("k1"), new MockHttpServletResponse(), answeringProblem(409, "nothing-to-revise"));
        MockHttpServletResponse retry = new MockHttpServletResponse();

        filter.doFilter(request("k1"), retry, answering(200));

        assertThat(executions).hasValue(1);
        assertThat(retry.getStatus()).isEqualTo(409);
        assertThat(retry.getContentAsString()).contains("\"code\":\"nothing-to-revise\"");
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aFailureReleasesTheKey() throws Exception {
        FilterChain broken = (request, response) -> {
            throw new IllegalStateException("boom");
        };
        assertThatThrownBy(() -> filter.doFilter(request("k1"), new MockHttpServletResponse(), broken))
                .hasMessage("boom");

        filter.doFilter(request("k1"), new MockHttpServletResponse(), answering(200));

        assertThat(executions).hasValue(1);
    }

    @Test
    void aDuplicateWaitsForTheFirstAnswer() throws Exception {
        IdempotencyStore.Claimed first =
                (IdempotencyStore.Claimed) store.claim("editor:k1", IdempotencyFilter.requestHash(request("k1")));
        MockHttpServletResponse duplicate = new MockHttpServletResponse();
        IdempotencyFilter patient = new IdempotencyFilter(
                store, new ProblemWriter(Jackson2ObjectMapperBuilder.json().build()), Duration.ofSeconds(10), null);

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            SecurityContextHolder.getContext()
                    .setAuthentication(new TestingAuthenticationToken("editor", "x", "ROLE_editor"));
            try {
                patient.doFilter(request("k1"), duplicate, answering(200));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        store.complete(first, new StoredAnswer(201, java.util.List.of(), "{\"first\":true}".getBytes()));
        waiting.get(10, TimeUnit.SECONDS);

        assertThat(executions).hasValue(0);
        assertThat(duplicate.getStatus()).isEqualTo(201);
        assertThat(duplicate.getContentAsString()).isEqualTo("{\"first\":true}");
    }

    @Test
    void aDuplicateThatWaitedTooLongIs409() throws Exception {
        store.claim("editor:k1", IdempotencyFilter.requestHash(request("k1")));
        MockHttpServletResponse duplicate = new MockHttpServletResponse();

        filter.doFilter(request("k1"), duplicate, answering(200));

        assertThat(executions).hasValue(0);
        assertThat(duplicate.getStatus()).isEqualTo(409);
        assertThat(duplicate.getContentType()).startsWith("application/problem+json");
        assertThat(duplicate.getContentAsString()).contains("\"code\":\"idempotency-key-in-progress\"");
        assertThat(duplicate.getHeader("Retry-After")).isEqualTo("1");
    }

    @Test
    void anonymousRequestsAndReadsAreLeftAlone() throws Exception {
        MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/articles/a1");
        read.addHeader("Idempotency-Key", "k1");
        filter.doFilter(read, new MockHttpServletResponse(), answering(200));
        filter.doFilter(read, new MockHttpServletResponse(), answering(200));
        SecurityContextHolder.clearContext();
        filter.doFilter(request("k2"), new MockHttpServletResponse(), answering(200));
        filter.doFilter(request("k2"), new MockHttpServletResponse(), answering(200));

        assertThat(executions).hasValue(4);
    }
}
