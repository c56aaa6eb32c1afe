package org.newsroom.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Both sides in one application answer an article that does not exist with one and the same problem. */
@SpringBootTest(
        classes = NewsroomApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"newsroom.security.bcrypt-strength=4", "spring.main.banner-mode=off"})
class UnknownArticleIT {

    private static final String UNKNOWN = "/api/articles/3c5d2e1f-0000-4000-8000-000000000000";

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry properties) throws IOException {
        String dataDir = Files.createTempDirectory("newsroom-unknown-article").toString();
        properties.add("newsroom.data-dir", () -> dataDir);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesAndReadsAnswerAnUnknownArticleWithTheSameProblem() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                send("reporter", "PATCH", UNKNOWN, "{\"headline\": \"Anything\"}"),
                send("reporter", "POST", UNKNOWN + "/submit", ""),
                send("editor", "POST", UNKNOWN + "/publish", ""),
                send("reporter", "GET", UNKNOWN, null),
                send("auditor", "GET", "/audit/articles/3c5d2e1f-0000-4000-8000-000000000000/history", null),
                send(null, "GET", "/site/articles/never-published", null));

        JsonNode first = json.readTree(answers.get(0).body());
        for (HttpResponse<String> answer : answers) {
            String route = answer.request().method() + " " + answer.uri().getPath();
            assertThat(answer.statusCode()).as(route).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .as(route)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json.readTree(answer.body());
            assertThat(problem.path("code").asText()).as(route).isEqualTo("article-not-found");
            assertThat(problem.path("type").asText())
                    .as(route)
                    .isEqualTo("https://newsroom.example/problems/article-not-found");
            assertThat(problem.path("title").asText())
                    .as(route)
                    .isEqualTo(first.path("title").asText());
        }
        assertThat(first.path("title").asText()).isNotBlank();
    }

    private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            String credentials = user + ":newsroom";
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
