package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.testing.ApiResponse;

import com.fasterxml.jackson.databind.JsonNode;

class OpenApiIT extends CommandApiTestBase {

    private static final Map<String, List<String>> ROUTES = Map.ofEntries(
            Map.entry(
                    "post /api/articles",
                    List.of("201", "400", "401", "403", "409", "412", "413", "415", "422", "500", "503")),
            Map.entry("patch /api/articles/{id}", List.of("200", "400", "401", "403", "404", "409", "412")),
            Map.entry("post /api/articles/{id}/photos", List.of("201", "404", "409", "412")),
            Map.entry("patch /api/articles/{id}/photos/{photoId}", List.of("200", "404", "412")),
            Map.entry("delete /api/articles/{id}/photos/{photoId}", List.of("200", "404", "412")),
            Map.entry("put /api/articles/{id}/byline", List.of("200", "400", "404")),
            Map.entry("post /api/articles/{id}/submit", List.of("200", "404", "409")),
            Map.entry("post /api/articles/{id}/request-changes", List.of("200", "403", "409")),
            Map.entry("post /api/articles/{id}/publish", List.of("200", "403", "409", "412")),
            Map.entry("post /api/articles/{id}/unpublish", List.of("200", "409")),
            Map.entry("post /api/articles/{id}/kill", List.of("200", "409")),
            Map.entry("post /api/articles/{id}/comments", List.of("201", "400", "404", "409")),
            Map.entry("put /api/articles/{id}/schedule", List.of("200", "400", "403", "409")),
            Map.entry("delete /api/articles/{id}/schedule", List.of("200", "409")),
            Map.entry("put /api/articles/{id}/embargo", List.of("200", "400", "409")),
            Map.entry("delete /api/articles/{id}/embargo", List.of("200", "409")));

    @Test
    void describesEveryCommandRouteWithItsProblemAnswers() {
        ApiResponse docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        ROUTES.forEach((route, statuses) -> {
            String[] parts = route.split(" ");
            JsonNode operation = paths.path(parts[1]).path(parts[0]);
            assertThat(operation.isMissingNode()).as(route).isFalse();
            statuses.forEach(status -> assertThat(operation.path("responses").has(status))
                    .as("%s answers %s", route, status)
                    .isTrue());
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(response.getValue().path("content").has("application/problem+json"))
                            .as("%s %s is a problem", route, response.getKey())
                            .isTrue();
                }
            });
            assertThat(operation.path("parameters").findValuesAsText("name"))
                    .as(route)
                    .contains("If-Match", "Idempotency-Key", "X-Correlation-Id");
            operation.path("parameters").forEach(parameter -> {
                if (parameter.path("name").asText().equals("If-Match")) {
                    assertThat(parameter.path("in").asText()).as(route).isEqualTo("header");
                }
            });
            JsonNode success = operation.path("responses").path(statuses.get(0));
            assertThat(success.path("headers").has("ETag")).as(route).isTrue();
            assertThat(success.path("headers").has("Newsroom-Position"))
                    .as(route)
                    .isTrue();
        });
        assertThat(docs.json().path("components").path("securitySchemes").has("basicAuth"))
                .isTrue();
        assertThat(docs.json()
                        .path("components")
                        .path("schemas")
                        .path("Problem")
                        .path("properties")
                        .has("code"))
                .isTrue();
    }

    @Test
    void servesTheSwaggerUiToEveryone() {
        ApiResponse redirect = api.get("/swagger-ui.html");
        assertThat(redirect.status()).isEqualTo(302);

        ApiResponse page = api.get(redirect.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }
}
