package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.web.StoryApi.json;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.command.article.web.StoryApi.Article;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Over HTTP: a story whose headline, body, byline, caption and credit are all zero-width characters is refused field
 * by field and cannot be published; a right-to-left override in a byline or a credit is refused, naming the field.
 */
class InvisibleTextIT extends CommandApiTestBase {

    private static final String INVISIBLE = "\u200B\u200C\u200D\u2060\uFEFF";

    @Test
    void anInvisibleStoryIsRefusedFieldByFieldAndCannotBePublished() {
        assertField(
                refused(
                                400,
                                "validation-failed",
                                () -> reporter.post(
                                        "/api/articles",
                                        json(Map.of("headline", INVISIBLE, "body", "<p>" + INVISIBLE + "</p>"))))
                        .json(),
                "headline",
                "invalid-headline");

        Article article = story.draft();
        assertField(
                refused(
                                400,
                                "validation-failed",
                                () -> reporter.post(
                                        article.path("/photos"),
                                        json(StoryApi.photo(
                                                "https://images.example.com/z.jpg", INVISIBLE, "AFP", null))))
                        .json(),
                "caption",
                "invalid-caption");
        assertField(
                refused(
                                400,
                                "validation-failed",
                                () -> reporter.post(
                                        article.path("/photos"),
                                        json(StoryApi.photo(
                                                "https://images.example.com/z.jpg", "Caption", INVISIBLE, null))))
                        .json(),
                "credit",
                "invalid-credit");
        assertField(
                refused(
                                400,
                                "validation-failed",
                                () -> reporter.put(
                                        article.path("/byline"),
                                        json(Map.of("bylines", List.of(Map.of("name", INVISIBLE))))))
                        .json(),
                "bylines[0].name",
                "invalid-byline");

        String id = reporter.post(
                        "/api/articles",
                        json(Map.of("headline", "Visible", "body", "<p>" + INVISIBLE + "</p><p>\u00A0</p>")))
                .json()
                .path("id")
                .asText();
        Article invisibleBody = new Article(id, 1);
        assertThat(reporter.put(invisibleBody.path("/byline"), json(StoryApi.BYLINE))
                        .status())
                .isEqualTo(200);
        refused(409, "body-missing", () -> editor.post(invisibleBody.path("/publish"), null));
    }

    @Test
    void aRightToLeftOverrideInANameOrACreditIsRefused() {
        Article article = story.draft();
        assertField(
                refused(
                                400,
                                "validation-failed",
                                () -> reporter.put(
                                        article.path("/byline"),
                                        json(Map.of("bylines", List.of(Map.of("name", "Angus \u202EnonniKcaM"))))))
                        .json(),
                "bylines[0].name",
                "invalid-byline");
        assertField(
                refused(
                                400,
                                "validation-failed",
                                () -> reporter.post(
                                        article.path("/photos"),
                                        json(StoryApi.photo(
                                                "https://images.example.com/z.jpg",
                                                "Caption",
                                                "AFP\u2066gpj.exe",
                                                null))))
                        .json(),
                "credit",
                "invalid-credit");
    }

    private static void assertField(JsonNode problem, String field, String code) {
        JsonNode error = problem.path("errors").get(0);
        assertThat(error.path("field").asText()).as("%s", problem).isEqualTo(field);
        assertThat(error.path("code").asText()).as("%s", problem).isEqualTo(code);
    }
}
