package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.web.StoryApi.json;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.command.article.web.StoryApi.Article;
import org.newsroom.testing.ApiResponse;

import com.fasterxml.jackson.databind.JsonNode;

class WorkflowIT extends CommandApiTestBase {

    private static final String UNKNOWN_ARTICLE = "/api/articles/9d3f8a41-0000-4000-8000-000000000000";

    @Test
    void submitsADraftWithoutABody() {
        Article article = story.draft();

        ApiResponse submitted = reporter.post(article.path("/submit"), null);

        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.json().path("version").asLong()).isEqualTo(2);
        assertThat(submitted.etagVersion()).isEqualTo(2);
    }

    @Test
    void submitsADraftWithANote() {
        Article article = story.draft();

        assertThat(reporter.post(article.path("/submit"), json(Map.of("note", "Ready")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void cannotSubmitTwice() {
        Article article = story.submit(story.draft());

        refused(409, "not-a-draft", () -> reporter.post(article.path("/submit"), null));
    }

    @Test
    void cannotSubmitAnUnknownArticle() {
        refused(404, "article-not-found", () -> reporter.post(UNKNOWN_ARTICLE + "/submit", null));
    }

    @Test
    void requestsChangesOnAnArticleInReview() {
        Article article = story.inReview();

        ApiResponse sentBack = editor.post(article.path("/request-changes"), json(Map.of("note", "Add a source")));

        assertThat(sentBack.status()).isEqualTo(200);
        assertThat(sentBack.json().path("version").asLong()).isEqualTo(article.version() + 1);
    }

    @Test
    void cannotRequestChangesOnADraft() {
        Article article = story.draft();

        refused(
                409,
                "not-in-review",
                () -> editor.post(article.path("/request-changes"), json(Map.of("note", "Add a source"))));
    }

    @Test
    void cannotRequestChangesWithoutANote() {
        Article article = story.inReview();

        JsonNode error = refused(
                        400, "validation-failed", () -> editor.post(article.path("/request-changes"), json(Map.of())))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("note");
    }

    @Test
    void cannotRequestChangesOnAnUnknownArticle() {
        refused(
                404,
                "article-not-found",
                () -> editor.post(UNKNOWN_ARTICLE + "/request-changes", json(Map.of("note", "Add a source"))));
    }

    @Test
    void publishesTheStory() {
        Article article = story.inReview();

        ApiResponse published = editor.post(article.path("/publish"), null);

        assertThat(published.status()).isEqualTo(200);
        JsonNode body = published.json();
        assertThat(body.path("version").asLong()).isEqualTo(article.version() + 1);
        assertThat(body.path("publicationNumber").asInt()).isEqualTo(1);
        assertThat(body.path("url").asText())
                .isEqualTo("/site/articles/italy-security-chiefs-meet-libyan-military-strongman-haftar-"
                        + article.id().substring(0, 8));
        assertThat(published.etagVersion()).isEqualTo(body.path("version").asLong());
        assertThat(published.position()).isEqualTo(eventLog.headPosition());
    }

    @Test
    void republishesACorrection() {
        Article article = story.published();
        reporter.patch(article.path(), json(Map.of("standfirst", "Haftar met Roberta Pinotti in Rome.")));

        ApiResponse corrected = editor.post(
                article.path("/publish"),
                json(Map.of("changeKind", "correction", "note", "An earlier version misnamed the minister.")));

        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.json().path("publicationNumber").asInt()).isEqualTo(2);
    }

    @Test
    void cannotPublishNothingNew() {
        Article article = story.published();

        refused(409, "nothing-to-publish", () -> editor.post(article.path("/publish"), null));
    }

    @Test
    void cannotPublishWithoutAByline() {
        Article article = story.draft();

        refused(409, "byline-missing", () -> editor.post(article.path("/publish"), null));
    }

    @Test
    void cannotRepublishACorrectionWithoutAPublicNote() {
        Article article = story.published();
        reporter.patch(article.path(), json(Map.of("standfirst", "Haftar met Roberta Pinotti in Rome.")));

        refused(
                409,
                "public-note-required",
                () -> editor.post(article.path("/publish"), json(Map.of("changeKind", "correction"))));
    }

    @Test
    void cannotPublishAnUnknownChangeKind() {
        Article article = story.readyToPublish();

        for (String kind : List.of("rewrite", "UPDATE", " update")) {
            JsonNode error = refused(
                            400,
                            "validation-failed",
                            () -> editor.post(article.path("/publish"), json(Map.of("changeKind", kind))))
                    .json()
                    .path("errors")
                    .get(0);
            assertThat(error.path("field").asText()).isEqualTo("changeKind");
            assertThat(error.path("message").asText()).contains("update", "correction", "clarification");
        }
    }

    @Test
    void cannotPublishAnUnknownArticle() {
        refused(404, "article-not-found", () -> editor.post(UNKNOWN_ARTICLE + "/publish", null));
    }

    @Test
    void unpublishesAPublishedArticle() {
        Article article = story.published();

        ApiResponse unpublished = editor.post(article.path("/unpublish"), json(Map.of("reason", "Legal review")));

        assertThat(unpublished.status()).isEqualTo(200);
        assertThat(unpublished.json().path("version").asLong()).isEqualTo(article.version() + 1);
    }

    @Test
    void cannotUnpublishADraft() {
        Article article = story.draft();

        refused(
                409,
                "not-published",
                () -> editor.post(article.path("/unpublish"), json(Map.of("reason", "Legal review"))));
    }

    @Test
    void cannotUnpublishWithABlankReason() {
        Article article = story.published();

        JsonNode error = refused(
                        400,
                        "validation-failed",
                        () -> editor.post(article.path("/unpublish"), json(Map.of("reason", "  "))))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("reason");
        assertThat(error.path("code").asText()).isEqualTo("invalid-reason");
    }

    @Test
    void cannotUnpublishAnUnknownArticle() {
        refused(
                404,
                "article-not-found",
                () -> editor.post(UNKNOWN_ARTICLE + "/unpublish", json(Map.of("reason", "Legal review"))));
    }

    @Test
    void killsAnArticleAndAcceptsNothingAfter() {
        Article article = story.published();

        ApiResponse killed = editor.post(
                article.path("/kill"), json(Map.of("reason", "Legal", "notice", "This article was withdrawn.")));

        assertThat(killed.status()).isEqualTo(200);
        assertThat(killed.json().path("version").asLong()).isEqualTo(article.version() + 1);
        refused(409, "article-killed", () -> reporter.patch(article.path(), json(Map.of("headline", "Again"))));
        refused(
                409,
                "article-killed",
                () -> editor.post(article.path("/kill"), json(Map.of("reason", "Again", "notice", "Again"))));
    }

    @Test
    void cannotKillWithoutANotice() {
        Article article = story.published();

        JsonNode error = refused(
                        400,
                        "validation-failed",
                        () -> editor.post(article.path("/kill"), json(Map.of("reason", "Legal"))))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("notice");
    }

    @Test
    void cannotKillAnUnknownArticle() {
        refused(
                404,
                "article-not-found",
                () -> editor.post(UNKNOWN_ARTICLE + "/kill", json(Map.of("reason", "Legal", "notice", "Withdrawn"))));
    }
}
