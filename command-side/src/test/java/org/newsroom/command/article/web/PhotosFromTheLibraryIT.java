package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.web.StoryApi.json;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotosReordered;
import org.newsroom.command.article.web.StoryApi.Article;
import org.newsroom.testing.ApiResponse;
import org.newsroom.testing.TestImages;

import com.fasterxml.jackson.databind.JsonNode;

/** Photos attached from the media library by their media id, and the photos' order, the lead first. */
class PhotosFromTheLibraryIT extends CommandApiTestBase {

    private String uploaded() {
        ApiResponse uploaded = reporter.send(reporter.request("/api/media", "Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.jpeg(1200, 800))));
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        return uploaded.json().path("mediaId").asText();
    }

    private static Map<String, Object> libraryPhoto(String mediaId) {
        return Map.of(
                "mediaId", mediaId,
                "caption", "File photo of General Khalifa Haftar.",
                "credit", "Philippe Wojazer/Pool/AFP",
                "altText", "General Khalifa Haftar in uniform");
    }

    private <T> T lastEvent(Article article, Class<T> type) {
        return type.cast(eventLog.readEvents(article.id())
                .asStream()
                .reduce((first, second) -> second)
                .orElseThrow()
                .getPayload());
    }

    @Test
    void aPhotoFromTheLibraryCarriesItsMediaIdRenditionsAndPublicAddress() {
        String mediaId = uploaded();
        Article article = story.draft();

        ApiResponse attached = reporter.post(article.path("/photos"), json(libraryPhoto(mediaId)));

        assertThat(attached.status()).as("%s", attached).isEqualTo(201);
        PhotoAttached event = lastEvent(article, PhotoAttached.class);
        assertThat(event.mediaId().value()).isEqualTo(mediaId);
        assertThat(event.uri()).isEqualTo("https://newsroom.example/media/" + mediaId + "/original");
        assertThat(event.renditions())
                .extracting(rendition -> rendition.name())
                .containsExactly("320", "800", "original");
    }

    @Test
    void aMediaIdNoUploadHasIsRefused() {
        Article article = story.draft();

        JsonNode error = refused(
                        400,
                        "validation-failed",
                        () -> reporter.post(
                                article.path("/photos"), json(libraryPhoto("5b0e7c1d-0000-4000-8000-000000000000"))))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("mediaId");
        assertThat(error.path("code").asText()).isEqualTo("media-not-found");
    }

    @Test
    void anArticlesIdIsNoMediaId() {
        Article other = story.draft();
        Article article = story.draft();

        JsonNode error = refused(
                        400,
                        "validation-failed",
                        () -> reporter.post(article.path("/photos"), json(libraryPhoto(other.id()))))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("code").asText()).isEqualTo("media-not-found");
    }

    @Test
    void aPhotoGivesAMediaIdOrAUriNotBoth() {
        String mediaId = uploaded();
        Article article = story.draft();
        Map<String, Object> both = new HashMap<>(libraryPhoto(mediaId));
        both.put("uri", "https://images.example.com/afp/haftar.jpg");
        Map<String, Object> neither = Map.of("caption", "Caption", "credit", "AFP");

        JsonNode twoSources = refused(
                        400, "validation-failed", () -> reporter.post(article.path("/photos"), json(both)))
                .json();
        JsonNode noSource = refused(
                        400, "validation-failed", () -> reporter.post(article.path("/photos"), json(neither)))
                .json();

        assertThat(twoSources.path("errors").get(0).path("code").asText()).isEqualTo("invalid-photo-source");
        assertThat(noSource.path("errors").get(0).path("field").asText()).isEqualTo("uri");
    }

    @Test
    void theFirstPhotoOfANewOrderIsTheLead() {
        Article article = story.draft();
        String lead = reporter.post(article.path("/photos"), json(StoryApi.LEAD_PHOTO))
                .json()
                .path("photoId")
                .asText();
        ApiResponse boat = reporter.post(article.path("/photos"), json(StoryApi.BOAT_PHOTO));
        String boatId = boat.json().path("photoId").asText();

        ApiResponse reordered = reporter.put(
                article.path("/photos/order"),
                json(Map.of("photoIds", List.of(boatId, lead))),
                "If-Match",
                boat.header("ETag"));

        assertThat(reordered.status()).as("%s", reordered).isEqualTo(200);
        assertThat(reordered.etagVersion()).isEqualTo(boat.etagVersion() + 1);
        assertThat(lastEvent(article, PhotosReordered.class).photoIds())
                .extracting(photoId -> photoId.value())
                .containsExactly(boatId, lead);
    }

    @Test
    void anOrderThatLeavesAPhotoOutIsRefused() {
        Article article = story.draft();
        String lead = reporter.post(article.path("/photos"), json(StoryApi.LEAD_PHOTO))
                .json()
                .path("photoId")
                .asText();
        reporter.post(article.path("/photos"), json(StoryApi.BOAT_PHOTO));

        JsonNode error = refused(
                        400,
                        "validation-failed",
                        () -> reporter.put(article.path("/photos/order"), json(Map.of("photoIds", List.of(lead)))))
                .json()
                .path("errors")
                .get(0);
        assertThat(error.path("field").asText()).isEqualTo("photoIds");
        assertThat(error.path("code").asText()).isEqualTo("invalid-photo-order");
    }
}
