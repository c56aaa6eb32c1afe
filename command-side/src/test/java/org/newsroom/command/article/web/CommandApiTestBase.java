package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.newsroom.command.CommandSideOverHttp;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.testing.ApiClient;
import org.newsroom.testing.ApiResponse;
import org.newsroom.testing.TempDirs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The command side over real HTTP, on the embedded MongoDB with its H2 file in a fresh directory. Every IT extending
 * this class shares one application context (same configuration, so Spring's test context cache reuses it).
 */
@CommandSideOverHttp
abstract class CommandApiTestBase {

    private static final String DATA_DIR =
            TempDirs.create("newsroom-command-api").toString();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry properties) {
        properties.add("newsroom.data-dir", () -> DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    EventLogStorageEngine eventLog;

    ApiClient api;
    ApiClient editor;
    ApiClient reporter;
    StoryApi story;

    @BeforeEach
    void clients() {
        api = ApiClient.on(port);
        editor = api.as("editor");
        reporter = api.as("reporter");
        story = new StoryApi(editor);
    }

    /** Sends a request that must be refused with this problem, and checks that the event log did not change. */
    ApiResponse refused(int status, String code, Supplier<ApiResponse> request) {
        long head = eventLog.headPosition();
        ApiResponse response = request.get();
        assertProblem(response, status, code);
        assertThat(eventLog.headPosition())
                .as("event log head after a refused request")
                .isEqualTo(head);
        return response;
    }

    static void assertProblem(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).isEqualTo("https://newsroom.example/problems/" + code);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("correlationId").asText()).isNotBlank().isEqualTo(response.header("X-Correlation-Id"));
    }
}
