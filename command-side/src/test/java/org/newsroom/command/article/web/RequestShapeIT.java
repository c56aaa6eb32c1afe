package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.command.article.web.StoryApi.Article;
import org.newsroom.testing.ApiResponse;

import com.fasterxml.jackson.databind.JsonNode;

/** What every route answers to requests that are wrong before any rule is looked at. */
class RequestShapeIT extends CommandApiTestBase {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "{\"headline\": }",
                "not json",
                "{\"headline\": \"a\"} trailing",
                "{\"headline\": \"a\", \"headline\": \"b\"}",
                "[]",
                "\"a string\"",
                "42"
            })
    void answersMalformedJsonWith400(String body) {
        refused(400, "malformed-request", () -> reporter.post("/api/articles", body));
    }

    @Test
    void answersAMissingBodyWith400() {
        refused(
                400,
                "malformed-request",
                () -> reporter.post("/api/articles", null, "Content-Type", "application/json"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"headline\": 42}",
                "{\"headline\": true}",
                "{\"headline\": {\"a\": 1}}",
                "{\"headline\": [\"a\"]}",
                "{\"headline\": 4.2}"
            })
    void answersAValueOfTheWrongTypeWith400NamingTheField(String body) {
        JsonNode error = refused(400, "malformed-request", () -> reporter.post("/api/articles", body))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("headline");
        assertThat(error.path("code").asText()).isEqualTo("wrong-type");
    }

    @Test
    void answersAMisspeltPropertyWith400NamingIt() {
        ApiResponse response = refused(
                400,
                "unknown-property",
                () -> reporter.post("/api/articles", "{\"headline\": \"Haftar in Rome\", \"standfrist\": \"Typo\"}"));
        assertThat(response.json().path("detail").asText()).contains("standfrist");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("standfrist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FF", "C328", "EDA080", "F888"})
    void answersInvalidUtf8With400(String hex) {
        Article article = story.draft();
        byte[] valid = StoryApi.json(StoryApi.LEAD_PHOTO).getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        byte[] body = new byte[valid.length + bad.length];
        System.arraycopy(valid, 0, body, 0, 2);
        System.arraycopy(bad, 0, body, 2, bad.length);
        System.arraycopy(valid, 2, body, 2 + bad.length, valid.length - 2);

        refused(
                400,
                "malformed-request",
                () -> reporter.send(reporter.request(article.path("/photos"), "Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))));
    }

    @Test
    void answersAnUnsupportedMediaTypeWith415() {
        refused(
                415,
                "unsupported-media-type",
                () -> reporter.post(
                        "/api/articles", "headline=Haftar", "Content-Type", "application/x-www-form-urlencoded"));
        refused(
                415,
                "unsupported-media-type",
                () -> reporter.post("/api/articles", "{\"headline\": \"a\"}", "Content-Type", "text/plain"));
    }

    @Test
    void answersAnUnsupportedMethodWith405() {
        ApiResponse response = refused(405, "method-not-allowed", () -> reporter.delete("/api/articles"));
        assertThat(response.header("Allow")).contains("POST");
    }

    @Test
    void answersAnUnknownRouteWith404() {
        refused(404, "not-found", () -> reporter.post("/api/articles/some-id/archive", "{}"));
    }

    @Test
    void answersABlankArticleIdWith404() {
        refused(404, "article-not-found", () -> reporter.patch("/api/articles/%20", "{\"headline\": \"a\"}"));
    }

    @Test
    void answersABodyOverTheLimitWith413() {
        String huge = "{\"headline\": \"a\", \"body\": \"" + "x".repeat(1024 * 1024) + "\"}";

        refused(413, "payload-too-large", () -> reporter.post("/api/articles", huge));
    }

    @Test
    void answersAChunkedBodyOverTheLimitWith413() {
        byte[] huge = ("{\"headline\": \"a\", \"body\": \"" + "x".repeat(1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        refused(
                413,
                "payload-too-large",
                () -> reporter.send(reporter.request("/api/articles", "Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))));
    }

    @Test
    void acceptsAChunkedBodyWithinTheLimit() {
        byte[] body = StoryApi.json(StoryApi.draftBody()).getBytes(StandardCharsets.UTF_8);

        ApiResponse drafted = reporter.send(reporter.request("/api/articles", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(drafted.status()).isEqualTo(201);
    }

    @Test
    void answersAnIfMatchThatIsNoEntityTagWith400() {
        Article article = story.draft();

        refused(
                400,
                "invalid-if-match",
                () -> reporter.patch(article.path(), "{\"headline\": \"New\"}", "If-Match", "1"));
        refused(
                400,
                "invalid-if-match",
                () -> reporter.patch(article.path(), "{\"headline\": \"New\"}", "If-Match", "W/\"1\""));
    }

    @Test
    void answersMissingCredentialsWith401() {
        ApiResponse response =
                refused(401, "unauthenticated", () -> api.post("/api/articles", StoryApi.json(StoryApi.draftBody())));
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void answersAWrongPasswordWith401() {
        refused(
                401,
                "unauthenticated",
                () -> api.as("editor", "wrong").post("/api/articles", StoryApi.json(StoryApi.draftBody())));
    }

    @Test
    void answersARoleWithoutTheRightWith403() {
        Article article = story.readyToPublish();

        refused(403, "forbidden", () -> reporter.post(article.path("/publish"), null));
        refused(403, "forbidden", () -> api.as("auditor").post("/api/articles", StoryApi.json(StoryApi.draftBody())));
    }
}
