package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.web.StoryApi.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.command.article.web.StoryApi.Article;
import org.newsroom.testing.ApiResponse;

import com.fasterxml.jackson.databind.JsonNode;

class PhotosAndBylineIT extends CommandApiTestBase {

    private static final String UNKNOWN_ARTICLE = "/api/articles/5b0e7c1d-0000-4000-8000-000000000000";

    @Test
    void attachesAPhotoWithItsCaptionAndCredit() {
        Article article = story.draft();

        ApiResponse attached = reporter.post(article.path("/photos"), json(StoryApi.LEAD_PHOTO));

        assertThat(attached.status()).isEqualTo(201);
        String photoId = attached.json().path("photoId").asText();
        assertThat(photoId).matches("[0-9a-f-]{36}");
        assertThat(attached.json().path("version").asLong()).isEqualTo(2);
        assertThat(attached.header("ETag")).isEqualTo("\"2\"");
        assertThat(attached.header("Location")).isEqualTo(article.path("/photos/" + photoId));
        assertThat(attached.position()).isEqualTo(eventLog.headPosition());
    }

    @Test
    void cannotAttachAJavascriptUri() {
        Article article = story.draft();
        Map<String, Object> photo = StoryApi.photo("javascript:alert(1)", "Caption", "Credit", null);

        JsonNode error = refused(400, "validation-failed", () -> reporter.post(article.path("/photos"), json(photo)))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("uri");
        assertThat(error.path("code").asText()).isEqualTo("invalid-photo-uri");
    }

    @Test
    void cannotAttachAPhotoWithoutCredit() {
        Article article = story.draft();
        Map<String, Object> photo = StoryApi.photo("https://images.example.com/a.jpg", "Caption", null, null);

        JsonNode error = refused(400, "validation-failed", () -> reporter.post(article.path("/photos"), json(photo)))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("credit");
        assertThat(error.path("code").asText()).isEqualTo("required");
    }

    @Test
    void cannotAttachToAnUnknownArticle() {
        refused(404, "article-not-found", () -> reporter.post(UNKNOWN_ARTICLE + "/photos", json(StoryApi.LEAD_PHOTO)));
    }

    @Test
    void updatesAPhotoCaption() {
        Article article = story.draft();
        String photoId = story.attachPhoto(article);

        ApiResponse updated = reporter.patch(article.path("/photos/" + photoId), json(Map.of("caption", "New")));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("version").asLong()).isEqualTo(3);
        assertThat(updated.etagVersion()).isEqualTo(3);
    }

    @Test
    void cannotUpdateAnUnknownPhoto() {
        Article article = story.draft();

        refused(
                404,
                "not-found",
                () -> reporter.patch(article.path("/photos/no-such-photo"), json(Map.of("caption", "New"))));
    }

    @Test
    void cannotUpdateAPhotoWithNothingNew() {
        Article article = story.draft();
        String photoId = story.attachPhoto(article);

        refused(
                409,
                "nothing-to-revise",
                () -> reporter.patch(
                        article.path("/photos/" + photoId), json(Map.of("credit", StoryApi.LEAD_PHOTO.get("credit")))));
    }

    @Test
    void detachesAPhoto() {
        Article article = story.draft();
        String photoId = story.attachPhoto(article);

        ApiResponse detached = reporter.delete(article.path("/photos/" + photoId));

        assertThat(detached.status()).isEqualTo(200);
        assertThat(detached.json().path("version").asLong()).isEqualTo(3);
        refused(404, "not-found", () -> reporter.delete(article.path("/photos/" + photoId)));
    }

    @Test
    void cannotDetachFromAnUnknownArticle() {
        refused(404, "article-not-found", () -> reporter.delete(UNKNOWN_ARTICLE + "/photos/any"));
    }

    @Test
    void assignsTheByline() {
        Article article = story.draft();

        ApiResponse assigned = reporter.put(article.path("/byline"), json(StoryApi.BYLINE));

        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.json().path("version").asLong()).isEqualTo(2);
        assertThat(assigned.position()).isEqualTo(eventLog.headPosition());
    }

    @Test
    void cannotAssignNoByline() {
        Article article = story.draft();

        JsonNode error = refused(
                        400,
                        "validation-failed",
                        () -> reporter.put(article.path("/byline"), json(Map.of("bylines", List.of()))))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("bylines");
        assertThat(error.path("code").asText()).isEqualTo("invalid-bylines");
    }

    @Test
    void cannotAssignANullByline() {
        Article article = story.draft();
        List<Object> bylines = new ArrayList<>();
        bylines.add(null);

        JsonNode error = refused(
                        400,
                        "validation-failed",
                        () -> reporter.put(article.path("/byline"), json(Map.of("bylines", bylines))))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("bylines[0]");
    }

    @Test
    void cannotAssignABylineWithAMisspeltProperty() {
        Article article = story.draft();

        JsonNode error = refused(
                        400,
                        "unknown-property",
                        () -> reporter.put(
                                article.path("/byline"),
                                json(Map.of("bylines", List.of(Map.of("name", "Angus", "affilation", "AFP"))))))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("bylines[0].affilation");
    }

    @Test
    void cannotAssignTheSameBylineAgain() {
        Article article = story.assignByline(story.draft());

        refused(409, "nothing-to-revise", () -> reporter.put(article.path("/byline"), json(StoryApi.BYLINE)));
    }

    @Test
    void cannotAssignABylineToAnUnknownArticle() {
        refused(404, "article-not-found", () -> reporter.put(UNKNOWN_ARTICLE + "/byline", json(StoryApi.BYLINE)));
    }
}
