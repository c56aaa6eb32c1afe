package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.web.StoryApi.json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.CommentAdded;
import org.newsroom.command.article.web.StoryApi.Article;
import org.newsroom.testing.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** The desk's routes: the conversation, the review policy, scheduling and embargo, the list of languages. */
class DeskIT extends CommandApiTestBase {

    private static final String WIRE_COPY = "AFP copy, checked against the wire";

    @Autowired
    EventStore events;

    private <T> List<T> recorded(Article article, Class<T> type) {
        return events.readEvents(article.id())
                .asStream()
                .map(DomainEventMessage::getPayload)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** A time no schedule of these tests reaches: the ITs share one application, whose scheduler would fire it. */
    private static String tomorrow() {
        return Instant.now().plus(Duration.ofDays(1)).toString();
    }

    // ---- conversation ----

    @Test
    void aReporterAndAnEditorCommentAndTheCommentsAreRecordedInOrder() {
        Article article = story.draft();

        ApiResponse first = reporter.post(article.path("/comments"), json(Map.of("text", "Is the quote on record?")));
        ApiResponse second = editor.post(article.path("/comments"), json(Map.of("text", "Yes, from the ministry.")));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("commentId").asText()).isNotBlank();
        assertThat(first.json().path("version").asLong()).isEqualTo(2).isEqualTo(first.etagVersion());
        assertThat(first.header("Location")).isNull();
        assertThat(second.json().path("version").asLong()).isEqualTo(3);
        assertThat(recorded(article, CommentAdded.class))
                .extracting(CommentAdded::commentId, CommentAdded::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                first.json().path("commentId").asText(), "Is the quote on record?"),
                        org.assertj.core.groups.Tuple.tuple(
                                second.json().path("commentId").asText(), "Yes, from the ministry."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void aCommentWithNothingToReadIsRefused(String text) {
        Article article = story.draft();

        JsonNode error = refused(
                        400,
                        "validation-failed",
                        () -> reporter.post(article.path("/comments"), json(Map.of("text", text))))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("text");
        assertThat(error.path("code").asText()).isEqualTo("invalid-comment");
    }

    @Test
    void aCommentOver5000CharactersIsRefused() {
        Article article = story.draft();

        JsonNode error = refused(
                        400,
                        "validation-failed",
                        () -> reporter.post(article.path("/comments"), json(Map.of("text", "x".repeat(5_001)))))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("code").asText()).isEqualTo("invalid-comment");
        assertThat(reporter.post(article.path("/comments"), json(Map.of("text", "x".repeat(5_000))))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aCommentOnAnUnknownOrKilledArticleIsRefused() {
        refused(
                404,
                "article-not-found",
                () -> reporter.post(
                        "/api/articles/9d3f8a41-0000-4000-8000-00000000c0de/comments", json(Map.of("text", "Hi"))));
        Article killed = story.killed();
        refused(409, "article-killed", () -> reporter.post(killed.path("/comments"), json(Map.of("text", "Why?"))));
    }

    // ---- review policy ----

    @Test
    void publishingAnArticleThatWasNeverInReviewNeedsAReason() {
        Article article = story.readyToPublish();

        refused(409, "review-required", () -> editor.post(article.path("/publish"), null));
        JsonNode blank = refused(
                        400,
                        "validation-failed",
                        () -> editor.post(article.path("/publish"), json(Map.of("withoutReview", " "))))
                .json()
                .path("errors")
                .get(0);
        assertThat(blank.path("field").asText()).isEqualTo("withoutReview");
        assertThat(blank.path("code").asText()).isEqualTo("invalid-without-review");

        ApiResponse published = editor.post(article.path("/publish"), json(Map.of("withoutReview", WIRE_COPY)));

        assertThat(published.status()).isEqualTo(200);
        assertThat(recorded(article, ArticlePublished.class))
                .singleElement()
                .satisfies(event -> assertThat(event.publishedWithoutReview()).isEqualTo(WIRE_COPY));
    }

    @Test
    void anArticleSentBackFromReviewIsPublishedWithoutAReason() {
        Article article = story.inReview();
        editor.post(article.path("/request-changes"), json(Map.of("note", "Add a second source")));

        assertThat(editor.post(article.path("/publish"), null).status()).isEqualTo(200);
        assertThat(recorded(article, ArticlePublished.class))
                .singleElement()
                .satisfies(event -> assertThat(event.publishedWithoutReview()).isNull());
    }

    // ---- schedule ----

    @Test
    void anEditorSchedulesReplacesAndCancelsAPublication() {
        Article article = story.inReview();

        ApiResponse scheduled = editor.put(article.path("/schedule"), json(Map.of("at", tomorrow())));
        ApiResponse replaced = editor.put(
                article.path("/schedule"),
                json(Map.of("at", Instant.now().plus(Duration.ofDays(3)).toString(), "note", "Evening edition")));

        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.json().path("scheduleId").asText()).isNotBlank();
        assertThat(replaced.json().path("scheduleId").asText())
                .isNotEqualTo(scheduled.json().path("scheduleId").asText());
        assertThat(editor.delete(article.path("/schedule")).status()).isEqualTo(200);
        refused(409, "no-schedule", () -> editor.delete(article.path("/schedule")));
    }

    @Test
    void aScheduleInThePastOrWithoutATimeIsRefused() {
        Article article = story.inReview();

        JsonNode past = refused(
                        400,
                        "validation-failed",
                        () -> editor.put(
                                article.path("/schedule"),
                                json(Map.of("at", Instant.now().minusSeconds(1).toString()))))
                .json()
                .path("errors")
                .get(0);
        assertThat(past.path("field").asText()).isEqualTo("at");
        assertThat(past.path("code").asText()).isEqualTo("schedule-in-the-past");
        refused(400, "validation-failed", () -> editor.put(article.path("/schedule"), json(Map.of())));
        refused(400, "malformed-request", () -> editor.put(article.path("/schedule"), json(Map.of("at", "14:00"))));
    }

    @Test
    void schedulingTheFirstPublicationOfAnArticleNeverInReviewNeedsAReason() {
        Article article = story.readyToPublish();

        refused(409, "review-required", () -> editor.put(article.path("/schedule"), json(Map.of("at", tomorrow()))));
        assertThat(editor.put(article.path("/schedule"), json(Map.of("at", tomorrow(), "withoutReview", WIRE_COPY)))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aReporterCannotScheduleOrEmbargo() {
        Article article = story.inReview();

        refused(403, "forbidden", () -> reporter.put(article.path("/schedule"), json(Map.of("at", tomorrow()))));
        refused(403, "forbidden", () -> reporter.put(article.path("/embargo"), json(Map.of("until", tomorrow()))));
        refused(403, "forbidden", () -> reporter.delete(article.path("/embargo")));
    }

    // ---- embargo ----

    @Test
    void anEmbargoRefusesPublicationAndSchedulesBeforeItsEndUntilItIsLifted() {
        Article article = story.inReview();
        Instant until = Instant.now().plus(Duration.ofDays(2));
        assertThat(editor.put(article.path("/embargo"), json(Map.of("until", until.toString())))
                        .status())
                .isEqualTo(200);

        JsonNode refusal = refused(409, "embargoed", () -> editor.post(article.path("/publish"), null))
                .json();
        assertThat(Instant.parse(refusal.path("until").asText())).isEqualTo(until);
        JsonNode early = refused(
                        409, "embargoed", () -> editor.put(article.path("/schedule"), json(Map.of("at", tomorrow()))))
                .json();
        assertThat(Instant.parse(early.path("until").asText())).isEqualTo(until);
        assertThat(editor.put(article.path("/schedule"), json(Map.of("at", until.toString())))
                        .status())
                .as("a schedule for the end of the embargo")
                .isEqualTo(200);
        refused(
                409,
                "schedule-before-embargo",
                () -> editor.put(
                        article.path("/embargo"),
                        json(Map.of("until", until.plusSeconds(60).toString()))));

        editor.delete(article.path("/schedule"));
        assertThat(editor.delete(article.path("/embargo")).status()).isEqualTo(200);
        refused(409, "no-embargo", () -> editor.delete(article.path("/embargo")));
        assertThat(editor.post(article.path("/publish"), null).status()).isEqualTo(200);
    }

    @Test
    void anEmbargoInThePastIsRefused() {
        Article article = story.inReview();

        JsonNode error = refused(
                        400,
                        "validation-failed",
                        () -> editor.put(
                                article.path("/embargo"),
                                json(Map.of(
                                        "until", Instant.now().minusSeconds(60).toString()))))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("until");
        assertThat(error.path("code").asText()).isEqualTo("embargo-in-the-past");
    }

    // ---- languages ----

    @Test
    void anySignedInUserReadsTheLanguagesTheDeskMayChoose() {
        ApiResponse answer = api.as("auditor").get("/api/languages");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode languages = answer.json().path("languages");
        assertThat(answer.json().path("defaultLanguage").asText()).isEqualTo("en");
        assertThat(languages.findValuesAsText("tag")).contains("en", "en-GB", "fr", "de", "ar", "zh-Hans");
        assertThat(languages.get(0).path("name").asText()).isEqualTo("English");
        assertThat(languages.findValuesAsText("name")).contains("Chinese (Simplified)", "English (United Kingdom)");
        assertProblem(api.get("/api/languages"), 401, "unauthenticated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"English", "xx-Klingon", "en_GB"})
    void aLanguageOutsideTheListIsRefusedNamingTheFieldAndTheList(String language) {
        Map<String, Object> draft = StoryApi.draftBody();
        draft.put("language", language);

        JsonNode problem = refused(400, "validation-failed", () -> reporter.post("/api/articles", json(draft)))
                .json();

        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("language");
        assertThat(problem.path("errors").get(0).path("code").asText()).isEqualTo("invalid-language");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("/api/languages");
        assertThat(problem.path("languages").asText()).isEqualTo("/api/languages");
        Article article = story.draft();
        refused(400, "validation-failed", () -> reporter.patch(article.path(), json(Map.of("language", language))));
    }
}
