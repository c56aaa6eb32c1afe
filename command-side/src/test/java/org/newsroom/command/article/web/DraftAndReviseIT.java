package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.web.StoryApi.json;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.command.article.web.StoryApi.Article;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;
import org.newsroom.testing.ApiResponse;

import com.fasterxml.jackson.databind.JsonNode;

class DraftAndReviseIT extends CommandApiTestBase {

    @Test
    void draftsTheSampleStory() {
        ApiResponse drafted = reporter.post("/api/articles", json(StoryApi.draftBody()));

        assertThat(drafted.status()).isEqualTo(201);
        String id = drafted.json().path("id").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(drafted.header("Location")).isEqualTo("/api/articles/" + id);
        assertThat(drafted.json().path("version").asLong()).isEqualTo(1);
        assertThat(drafted.header("ETag")).isEqualTo("\"1\"");
        assertThat(drafted.position()).isPositive().isEqualTo(eventLog.headPosition());
        assertThat(drafted.contentType()).startsWith("application/json");
        assertThat(eventLog.storedEvents(id)).hasSize(1);
    }

    @Test
    void recordsTheAuthenticatedUserAndTheCorrelationIdInTheEventMetadata() {
        ApiResponse drafted = reporter.post(
                "/api/articles", json(StoryApi.draftBody()), "X-Correlation-Id", "desk-7.story_42", "actor", "mallory");

        assertThat(drafted.header("X-Correlation-Id")).isEqualTo("desk-7.story_42");
        StoredEventView event =
                eventLog.storedEvents(drafted.json().path("id").asText()).get(0);
        Document metaData = event.event().get("metaData", Document.class);
        assertThat(metaData.getString("actor")).isEqualTo("reporter");
        assertThat(metaData.getString("correlationId")).isEqualTo("desk-7.story_42");
    }

    @Test
    void replacesAnUnsafeCorrelationIdWithAFreshOne() {
        ApiResponse drafted = reporter.post(
                "/api/articles", json(StoryApi.draftBody()), "X-Correlation-Id", "<script>alert(1)</script>");

        String echoed = drafted.header("X-Correlation-Id");
        assertThat(echoed).matches("[0-9a-f-]{36}");
        Document metaData = eventLog.storedEvents(drafted.json().path("id").asText())
                .get(0)
                .event()
                .get("metaData", Document.class);
        assertThat(metaData.getString("correlationId")).isEqualTo(echoed);
    }

    @Test
    void aBodyCannotNameTheActor() {
        Map<String, Object> body = StoryApi.draftBody();
        body.put("actor", "mallory");

        ApiResponse response = refused(400, "unknown-property", () -> reporter.post("/api/articles", json(body)));
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("actor");
    }

    @Test
    void cannotDraftWithoutAHeadline() {
        Map<String, Object> body = StoryApi.draftBody();
        body.remove("headline");

        JsonNode error = refused(400, "validation-failed", () -> reporter.post("/api/articles", json(body)))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("headline");
        assertThat(error.path("code").asText()).isEqualTo("required");
    }

    @Test
    void cannotDraftAHeadlineLongerThanTheAggregateAllows() {
        Map<String, Object> body = StoryApi.draftBody();
        body.put("headline", "x".repeat(301));

        JsonNode error = refused(400, "validation-failed", () -> reporter.post("/api/articles", json(body)))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("headline");
        assertThat(error.path("code").asText()).isEqualTo("invalid-headline");
        assertThat(error.path("message").asText()).contains("300");
    }

    @Test
    void cannotDraftABodyWithDisallowedHtml() {
        Map<String, Object> body = StoryApi.draftBody();
        body.put("body", "<p>Hello</p><script>alert(1)</script>");

        JsonNode error = refused(400, "validation-failed", () -> reporter.post("/api/articles", json(body)))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("body");
        assertThat(error.path("code").asText()).isEqualTo("invalid-body");
        assertThat(error.path("message").asText()).contains("<script>");
    }

    @Test
    void cannotDraftAHeadlineWithControlCharacters() {
        Map<String, Object> body = StoryApi.draftBody();
        body.put("headline", "Breaking\u0000news");

        JsonNode error = refused(400, "validation-failed", () -> reporter.post("/api/articles", json(body)))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("headline");
        assertThat(error.path("code").asText()).isEqualTo("invalid-headline");
    }

    @Test
    void aNewArticleHasNoVersionForIfMatchToHold() {
        refused(
                412,
                "version-mismatch",
                () -> reporter.post("/api/articles", json(StoryApi.draftBody()), "If-Match", "\"1\""));
    }

    @Test
    void revisesTheHeadline() {
        Article article = story.draft();

        ApiResponse revised = reporter.patch(article.path(), json(Map.of("headline", "Haftar in Rome")));

        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.json().path("version").asLong()).isEqualTo(2);
        assertThat(revised.header("ETag")).isEqualTo("\"2\"");
        assertThat(revised.position()).isEqualTo(eventLog.headPosition());
        assertThat(eventLog.storedEvents(article.id())).hasSize(2);
    }

    @Test
    void cannotReviseWithNothingNew() {
        Article article = story.draft();

        refused(
                409,
                "nothing-to-revise",
                () -> reporter.patch(article.path(), json(Map.of("headline", StoryApi.HEADLINE))));
    }

    @Test
    void cannotReviseAnUnknownArticle() {
        refused(
                404,
                "article-not-found",
                () -> reporter.patch(
                        "/api/articles/0b7e4a51-36a6-4f1f-9a55-1e3f5c1a0d11", json(Map.of("headline", "Anything"))));
    }

    @Test
    void cannotReviseWithAMalformedLanguage() {
        Article article = story.draft();

        JsonNode error = refused(
                        400,
                        "validation-failed",
                        () -> reporter.patch(article.path(), json(Map.of("language", "english please"))))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("language");
        assertThat(error.path("code").asText()).isEqualTo("invalid-language");
    }
}
