package org.newsroom.query.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.query.SampleStory.BOAT_CAPTION;
import static org.newsroom.query.SampleStory.BOAT_CREDIT;
import static org.newsroom.query.SampleStory.BOAT_PHOTO_URI;
import static org.newsroom.query.SampleStory.HEADLINE;
import static org.newsroom.query.SampleStory.LEAD_CAPTION;
import static org.newsroom.query.SampleStory.LEAD_CREDIT;
import static org.newsroom.query.SampleStory.LEAD_PHOTO_URI;
import static org.newsroom.query.SampleStory.STANDFIRST;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ChangeKind;
import org.newsroom.command.article.Publication;
import org.newsroom.command.article.PublishArticle;
import org.newsroom.command.article.ReviseArticle;
import org.newsroom.query.Http;
import org.newsroom.query.Ninjs;
import org.newsroom.query.QuerySideIT;
import org.newsroom.query.SampleStory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The AFP sample story from draft to correction, over HTTP: the site document is validated against the ninjs 3.1
 * schema at each step, the editorial copy follows every change, and the audit trail tells the whole story.
 */
class SampleStoryIT extends QuerySideIT {

    private static final ArticleId ID = new ArticleId("5a7e0c3b-haftar-rome-story");
    private static final String CORRECTION = "An earlier version of this article misspelt \"administration\".";
    private static final String CLARIFICATION = "This article has been updated to say where the meeting took place.";

    @Test
    void theSampleStoryIsDraftedPhotographedBylinedPublishedCorrectedAndRepublished() {
        long drafted = send("reporter", SampleStory.draft(ID));
        JsonNode draft = http.get("/api/articles/" + ID + "?atLeast=" + drafted, "reporter")
                .json();
        assertThat(draft.path("state").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("version").asLong()).isEqualTo(1);
        assertThat(draft.path("updatedBy").asText()).isEqualTo("reporter");
        assertThat(draft.path("pendingChanges").asBoolean()).isTrue();

        send("reporter", SampleStory.leadPhoto(ID));
        send("reporter", SampleStory.boatPhoto(ID));
        send("editor", SampleStory.byline(ID));
        Publication first = sendFor("editor", SampleStory.publishWithoutReview(ID));
        long published = engine.knownHeadPosition();
        String slug = first.slug();

        Http.Response live = http.get("/site/articles/" + slug + "?atLeast=" + published, null);
        assertThat(live.status()).isEqualTo(200);
        JsonNode ninjs = Ninjs.valid(live.json());
        assertThat(ninjs.path("uri").asText()).isEqualTo("https://newsroom.example/site/articles/" + slug);
        assertThat(ninjs.path("type").asText()).isEqualTo("text");
        assertThat(ninjs.path("version").asText()).isEqualTo("1");
        assertThat(ninjs.path("pubStatus").asText()).isEqualTo("usable");
        assertThat(ninjs.path("language").asText()).isEqualTo("en");
        assertThat(ninjs.path("firstCreated").asText())
                .isEqualTo(ninjs.path("versionCreated").asText());
        assertThat(ninjs.at("/headlines/0/value").asText()).isEqualTo(HEADLINE);
        assertThat(ninjs.at("/descriptions/0/role").asText()).isEqualTo("summary");
        assertThat(ninjs.at("/descriptions/0/value").asText()).isEqualTo(STANDFIRST);
        assertThat(ninjs.at("/bodies/0/contentType").asText()).isEqualTo("text/html");
        assertThat(ninjs.at("/bodies/0/value").asText())
                .contains("<a href=\"https://newsroom.example/site/articles/libyan-smuggler")
                .contains("adminstration");
        assertThat(ninjs.path("by").asText()).isEqualTo("By Angus MacKinnon (AFP)");
        assertThat(ninjs.at("/people/0/name").asText()).isEqualTo("Angus MacKinnon");
        assertThat(ninjs.at("/people/0/rel").asText()).isEqualTo("author");
        assertThat(ninjs.at("/infoSources/0/name").asText()).isEqualTo("AFP");
        assertThat(ninjs.path("associations")).hasSize(2);
        assertPicture(ninjs.at("/associations/0"), LEAD_PHOTO_URI, LEAD_CAPTION, LEAD_CREDIT);
        assertPicture(ninjs.at("/associations/1"), BOAT_PHOTO_URI, BOAT_CAPTION, BOAT_CREDIT);

        String etag = live.header("ETag");
        String lastModified = live.header("Last-Modified");
        assertThat(etag).isNotBlank();
        assertThat(lastModified).isNotBlank();
        assertThat(http.get("/site/articles/" + slug, null, "If-None-Match", etag)
                        .status())
                .isEqualTo(304);
        assertThat(http.get("/site/articles/" + slug, null, "If-Modified-Since", lastModified)
                        .status())
                .isEqualTo(304);

        long revised = send(
                "reporter",
                new ReviseArticle(ID, null, null, SampleStory.BODY.replace("adminstration", "administration"), null));
        JsonNode editing = http.get("/api/articles/" + ID + "?atLeast=" + revised, "editor")
                .json();
        assertThat(editing.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(editing.path("pendingChanges").asBoolean()).isTrue();
        assertThat(editing.path("publicationNumber").asInt()).isEqualTo(1);
        Http.Response stillLive = http.get("/site/articles/" + slug + "?atLeast=" + revised, null);
        assertThat(Ninjs.valid(stillLive.json()).at("/bodies/0/value").asText()).contains("adminstration");
        assertThat(stillLive.header("ETag")).isEqualTo(etag);

        sendFor("editor", new PublishArticle(ID, ChangeKind.CORRECTION, CORRECTION));
        long corrected = engine.knownHeadPosition();
        Http.Response correctedPage = http.get("/site/articles/" + slug + "?atLeast=" + corrected, null);
        JsonNode correctedNinjs = Ninjs.valid(correctedPage.json());
        assertThat(correctedNinjs.path("version").asText()).isEqualTo("2");
        assertThat(correctedNinjs.at("/bodies/0/value").asText())
                .contains("administration")
                .doesNotContain("adminstration");
        assertThat(correctedNinjs.path("firstCreated").asText())
                .isEqualTo(ninjs.path("firstCreated").asText());
        assertThat(descriptions(correctedNinjs, "correction")).containsExactly(CORRECTION);
        assertThat(correctedPage.header("ETag")).isNotEqualTo(etag);
        assertThat(http.get("/site/articles/" + slug, null, "If-None-Match", etag)
                        .status())
                .isEqualTo(200);

        send(
                "reporter",
                new ReviseArticle(
                        ID,
                        null,
                        STANDFIRST.replace("in Rome Tuesday", "at the defence ministry" + " in Rome on Tuesday"),
                        null,
                        null));
        sendFor("editor", new PublishArticle(ID, ChangeKind.CLARIFICATION, CLARIFICATION));
        long clarified = engine.knownHeadPosition();
        JsonNode clarifiedNinjs = Ninjs.valid(http.get("/site/articles/" + slug + "?atLeast=" + clarified, null)
                .json());
        assertThat(clarifiedNinjs.path("version").asText()).isEqualTo("3");
        assertThat(descriptions(clarifiedNinjs, "correction")).containsExactly(CORRECTION);
        assertThat(descriptions(clarifiedNinjs, "clarification")).containsExactly(CLARIFICATION);
        assertThat(descriptions(clarifiedNinjs, "summary").get(0)).contains("at the defence ministry");

        JsonNode listed =
                http.get("/site/articles?limit=100&atLeast=" + clarified, null).json();
        List<String> uris = new ArrayList<>();
        listed.path("items")
                .forEach(item -> uris.add(Ninjs.valid(item).path("uri").asText()));
        assertThat(uris).contains("https://newsroom.example/site/articles/" + slug);

        JsonNode editorial = http.get("/api/articles/" + ID + "?atLeast=" + clarified, "editor")
                .json();
        assertThat(editorial.path("version").asLong()).isEqualTo(9);
        assertThat(editorial.path("publicationNumber").asInt()).isEqualTo(3);
        assertThat(editorial.path("pendingChanges").asBoolean()).isFalse();
        assertThat(editorial.path("updatedBy").asText()).isEqualTo("editor");
        assertThat(editorial.path("photos")).hasSize(2);
        JsonNode workList = http.get("/api/articles?state=published&q=STRONGMAN%20haftar&size=100", "reporter")
                .json();
        assertThat(workList.path("items").findValuesAsText("id")).contains(ID.value());
        assertThat(http.get("/api/articles?q=no+such+headline+anywhere", "reporter")
                        .json()
                        .path("total")
                        .asLong())
                .isZero();

        AuditChecks.theWholeStoryIsOnRecord(http, ID, clarified);
    }

    private static void assertPicture(JsonNode picture, String uri, String caption, String credit) {
        assertThat(picture.path("type").asText()).isEqualTo("picture");
        assertThat(picture.path("uri").asText()).isEqualTo(uri);
        assertThat(picture.at("/descriptions/0/role").asText()).isEqualTo("caption");
        assertThat(picture.at("/descriptions/0/value").asText()).isEqualTo(caption);
        assertThat(picture.path("by").asText()).isEqualTo(credit);
        assertThat(picture.at("/renditions/0/href").asText()).isEqualTo(uri);
    }

    private static List<String> descriptions(JsonNode ninjs, String role) {
        List<String> values = new ArrayList<>();
        ninjs.path("descriptions").forEach(description -> {
            if (description.path("role").asText().equals(role)) {
                values.add(description.path("value").asText());
            }
        });
        return values;
    }
}
