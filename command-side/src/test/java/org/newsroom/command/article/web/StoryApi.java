package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newsroom.testing.ApiClient;
import org.newsroom.testing.ApiResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The sample AFP story (docs/samples/afp-haftar-rome.txt) taken through the API, to any state a test needs. */
final class StoryApi {

    static final String HEADLINE = "Italy security chiefs meet Libyan military strongman Haftar";
    static final String STANDFIRST = "Libyan military strongman Khalifa Haftar met Italy's defence minister and"
            + " security chiefs in Rome Tuesday, bolstering his stature as a key player in international efforts to"
            + " stabilize his troubled country.";
    static final String BODY = resource("/stories/afp-haftar-rome.html");
    static final Map<String, Object> LEAD_PHOTO = photo(
            "https://images.example.com/afp/haftar.jpg",
            "File photo of General Khalifa Haftar, commander in the Libyan National Army (LNA).",
            "Philippe Wojazer/Pool/AFP",
            "General Khalifa Haftar in uniform");
    static final Map<String, Object> BOAT_PHOTO = photo(
            "https://images.example.com/afp/life-boat.jpg",
            "A life boat carries the bodies of refugees and migrants who died during the oversea journey.",
            "Aris Messinis/AFP",
            null);
    static final Map<String, Object> BYLINE =
            Map.of("bylines", List.of(Map.of("name", "Angus MacKinnon", "role", "author", "affiliation", "AFP")));

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An article as the API last described it. */
    record Article(String id, long version) {
        String path() {
            return "/api/articles/" + id;
        }

        String path(String rest) {
            return path() + rest;
        }
    }

    private final ApiClient client;

    StoryApi(ApiClient client) {
        this.client = client;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Map<String, Object> draftBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("headline", HEADLINE);
        body.put("standfirst", STANDFIRST);
        body.put("body", BODY);
        body.put("language", "en");
        return body;
    }

    Article draft() {
        ApiResponse drafted = expect(201, client.post("/api/articles", json(draftBody())));
        return new Article(drafted.json().path("id").asText(), drafted.etagVersion());
    }

    Article attach(Article article, Map<String, Object> photo) {
        return next(article, expect(201, client.post(article.path("/photos"), json(photo))));
    }

    /** Attaches the lead photo and answers its id. */
    String attachPhoto(Article article) {
        return expect(201, client.post(article.path("/photos"), json(LEAD_PHOTO)))
                .json()
                .path("photoId")
                .asText();
    }

    Article assignByline(Article article) {
        return next(article, expect(200, client.put(article.path("/byline"), json(BYLINE))));
    }

    Article readyToPublish() {
        return assignByline(attach(attach(draft(), LEAD_PHOTO), BOAT_PHOTO));
    }

    Article submit(Article article) {
        return next(article, expect(200, client.post(article.path("/submit"), null)));
    }

    Article inReview() {
        return submit(readyToPublish());
    }

    Article publish(Article article) {
        return next(article, expect(200, client.post(article.path("/publish"), null)));
    }

    /** Submitted, then published: the walk through review the desk requires by default. */
    Article published() {
        return publish(inReview());
    }

    Article unpublished() {
        Article article = published();
        return next(article, expect(200, client.post(article.path("/unpublish"), json(Map.of("reason", "Legal")))));
    }

    Article killed() {
        Article article = published();
        return next(
                article,
                expect(
                        200,
                        client.post(
                                article.path("/kill"),
                                json(Map.of("reason", "Legal", "notice", "This article was withdrawn.")))));
    }

    static Map<String, Object> photo(String uri, String caption, String credit, String altText) {
        Map<String, Object> photo = new LinkedHashMap<>();
        photo.put("uri", uri);
        photo.put("caption", caption);
        photo.put("credit", credit);
        if (altText != null) {
            photo.put("altText", altText);
        }
        return photo;
    }

    private static Article next(Article article, ApiResponse response) {
        return new Article(article.id(), response.etagVersion());
    }

    private static ApiResponse expect(int status, ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        return response;
    }

    private static String resource(String name) {
        try (InputStream in = StoryApi.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
