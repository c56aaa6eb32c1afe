package org.newsroom.query.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsroom.query.Problems.assertProblem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.AddComment;
import org.newsroom.command.article.KillArticle;
import org.newsroom.command.article.PublishArticle;
import org.newsroom.command.article.RequestChanges;
import org.newsroom.command.article.ReviseArticle;
import org.newsroom.command.article.SchedulePublication;
import org.newsroom.command.article.SetEmbargo;
import org.newsroom.command.article.SubmitForReview;
import org.newsroom.command.article.UnpublishArticle;
import org.newsroom.query.Http;
import org.newsroom.query.QuerySideIT;
import org.newsroom.query.SampleStory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The desk's reads: the conversation of an article, the work list's search and flags, the auditors' search, and a
 * scheduled publication reaching the site; comments never do.
 */
class DeskQueriesIT extends QuerySideIT {

    /** The sample story, with a word of its own in the headline so that each test finds its articles only. */
    private ArticleId story(String marker, String reporter) {
        ArticleId id = new ArticleId("desk-" + UUID.randomUUID());
        send(reporter, SampleStory.draft(id));
        send(reporter, new ReviseArticle(id, SampleStory.HEADLINE + " " + marker, null, null, null));
        send(reporter, SampleStory.byline(id));
        return id;
    }

    private static String marker() {
        return "m" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode article(ArticleId id, long atLeast) {
        return http.get("/api/articles/" + id.value() + "?atLeast=" + atLeast, "editor")
                .json();
    }

    private JsonNode list(String query, String user, long atLeast) {
        return http.get("/api/articles?" + query + "&atLeast=" + atLeast, user).json();
    }

    private static String q(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    @Test
    void theConversationIsOneThreadInOrderAndTheWorkListFlagsChangesRequested() {
        String marker = marker();
        ArticleId id = story(marker, "reporter");
        send("editor", new AddComment(id, "c1", "Is the quote on record?"));
        send("reporter", new SubmitForReview(id, "Ready for the evening"));
        long sentBack = send("editor", new RequestChanges(id, "Attribute the quote in paragraph two"));
        send("reporter", new AddComment(id, "c2", "Done, from the ministry."));

        JsonNode article = article(id, sentBack + 1);
        assertThat(article.path("conversation").findValuesAsText("kind"))
                .containsExactly("comment", "submitted", "changes-requested", "comment");
        assertThat(article.path("conversation").findValuesAsText("text"))
                .containsExactly(
                        "Is the quote on record?",
                        "Ready for the evening",
                        "Attribute the quote in paragraph two",
                        "Done, from the ministry.");
        assertThat(article.path("conversation").findValuesAsText("actor"))
                .containsExactly("editor", "reporter", "editor", "reporter");
        assertThat(article.path("conversation").get(0).path("at").asText()).isNotBlank();
        assertThat(article.path("changesRequested").asBoolean()).isTrue();
        assertThat(article.path("reviewed").asBoolean()).isTrue();
        assertThat(article.path("createdBy").asText()).isEqualTo("reporter");
        assertThat(article.path("schedule").isNull()).isTrue();
        assertThat(article.path("embargo").isNull()).isTrue();
        JsonNode flagged = list(q(marker) + "&changesRequested=true", "editor", sentBack + 1);
        assertThat(flagged.path("items").findValuesAsText("id")).containsExactly(id.value());
        assertThat(flagged.path("items").get(0).path("changesRequested").asBoolean())
                .isTrue();

        long resubmitted = send("reporter", new SubmitForReview(id, null));

        assertThat(list(q(marker) + "&changesRequested=true", "editor", resubmitted)
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(article(id, resubmitted).path("changesRequested").asBoolean())
                .isFalse();
    }

    @Test
    void aPublicationWithoutReviewSaysWhyInTheConversationAndTheAuditTrail() {
        ArticleId id = story(marker(), "reporter");

        long published = send("editor", SampleStory.publishWithoutReview(id));

        JsonNode article = article(id, published);
        assertThat(article.path("reviewed").asBoolean()).isFalse();
        assertThat(article.path("conversation")).singleElement().satisfies(entry -> {
            assertThat(entry.path("kind").asText()).isEqualTo("published-without-review");
            assertThat(entry.path("text").asText()).isEqualTo(SampleStory.AGENCY_COPY);
            assertThat(entry.path("actor").asText()).isEqualTo("editor");
        });
        JsonNode history = http.get("/audit/articles/" + id.value() + "/history?atLeast=" + published, "auditor")
                .json();
        JsonNode publication =
                history.path("entries").get(history.path("entries").size() - 1);
        assertThat(publication.path("type").asText()).isEqualTo("ArticlePublished");
        assertThat(publication.path("changes").findValuesAsText("field")).contains("publishedWithoutReview");
        assertThat(publication.path("changes").findValuesAsText("to")).contains(SampleStory.AGENCY_COPY);
    }

    @Test
    void theWorkListFindsByWordsOfEveryFieldByAuthorAndByWhoWorkedOnIt() {
        String marker = marker();
        ArticleId haftar = story(marker, "reporter");
        ArticleId other = new ArticleId("desk-other-" + UUID.randomUUID());
        send(
                "editor",
                new org.newsroom.command.article.DraftArticle(
                        other, "Coalition debate in Berlin " + marker, null, "<p>The Bundestag debated.</p>", "de"));
        long last = send("editor", new ReviseArticle(other, null, "Große Koalition", null, null));

        assertThat(list(q("Haftar Rome " + marker), "reporter", last)
                        .path("items")
                        .findValuesAsText("id"))
                .as("headline and body words, in any order")
                .containsExactly(haftar.value());
        assertThat(list(q("tunisia " + marker), "reporter", last).path("items").findValuesAsText("id"))
                .as("a word of the body only")
                .containsExactly(haftar.value());
        assertThat(list(q("GROSSE koal " + marker), "reporter", last)
                        .path("items")
                        .findValuesAsText("id"))
                .as("the standfirst, accents and case aside, word prefixes")
                .containsExactly(other.value());
        assertThat(list(q("Haftar Berlin " + marker), "reporter", last)
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(list(q(marker), "reporter", last).path("items").findValuesAsText("id"))
                .as("most recently changed first")
                .containsExactly(other.value(), haftar.value());

        assertThat(list(q(marker) + "&author=MacKinnon", "editor", last)
                        .path("items")
                        .findValuesAsText("id"))
                .as("a byline name")
                .containsExactly(haftar.value());
        assertThat(list(q(marker) + "&author=editor", "editor", last)
                        .path("items")
                        .findValuesAsText("id"))
                .as("the user who created it")
                .containsExactly(other.value());
        assertThat(list(q(marker) + "&mine=true", "reporter", last)
                        .path("items")
                        .findValuesAsText("id"))
                .containsExactly(haftar.value());
        long edited = send("editor", new ReviseArticle(haftar, null, "A standfirst by the editor", null, null));
        assertThat(list(q(marker) + "&mine=true", "editor", edited)
                        .path("items")
                        .findValuesAsText("id"))
                .as("created by the editor, or last changed by the editor")
                .containsExactly(haftar.value(), other.value());

        JsonNode item =
                list(q("haftar " + marker), "editor", edited).path("items").get(0);
        assertThat(item.path("createdBy").asText()).isEqualTo("reporter");
        assertThat(item.path("bylines").findValuesAsText("name")).containsExactly("Angus MacKinnon");
        assertThat(item.has("body")).isFalse();
        assertThat(item.has("conversation")).isFalse();
        assertProblem(http.get("/api/articles?mine=maybe", "editor"), 400, "malformed-request");
    }

    @Test
    void theWorkListShowsTheScheduleAndTheEmbargoAndTheScheduleFiresToTheSite() {
        String marker = marker();
        ArticleId id = story(marker, "reporter");
        send("reporter", new SubmitForReview(id, null));
        Instant now = Instant.now();
        Instant until = now.plusMillis(1_000);
        Instant at = now.plusMillis(2_000);
        send("editor", new SetEmbargo(id, until, now));
        long scheduled = send("editor", new SchedulePublication(id, "s1", at, now));

        JsonNode item = list(q(marker) + "&scheduled=true", "editor", scheduled)
                .path("items")
                .get(0);
        assertThat(item.path("id").asText()).isEqualTo(id.value());
        assertThat(Instant.parse(item.path("scheduledFor").asText())).isEqualTo(at);
        assertThat(Instant.parse(item.path("embargoedUntil").asText())).isEqualTo(until);
        JsonNode article = article(id, scheduled);
        assertThat(Instant.parse(article.at("/schedule/at").asText())).isEqualTo(at);
        assertThat(article.at("/schedule/by").asText()).isEqualTo("editor");
        assertThat(Instant.parse(article.at("/embargo/until").asText())).isEqualTo(until);

        JsonNode live = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> http.get("/api/articles/" + id.value(), "editor").json(),
                        found -> found.path("state").asText().equals("PUBLISHED"));
        assertThat(live.path("schedule").isNull()).isTrue();
        assertThat(Instant.parse(live.path("updatedAt").asText())).isBetween(at, at.plusSeconds(1));
        Http.Response site = http.get(
                "/site/articles/" + live.path("slug").asText() + "?atLeast=" + engine.knownHeadPosition(), null);
        assertThat(site.status()).isEqualTo(200);
        assertThat(list(q(marker) + "&scheduled=true", "editor", engine.knownHeadPosition())
                        .path("total")
                        .asLong())
                .isZero();
    }

    @Test
    void commentsNeverReachTheSite() {
        ArticleId id = story(marker(), "reporter");
        send("reporter", new SubmitForReview(id, null));
        String slug = this.<org.newsroom.command.article.Publication>sendFor(
                        "editor", new PublishArticle(id, null, null))
                .slug();
        long published = engine.knownHeadPosition();
        Http.Response before = http.get("/site/articles/" + slug + "?atLeast=" + published, null);
        JsonNode listBefore = http.get("/site/articles?limit=1", null).json();

        long commented = send("editor", new AddComment(id, "c1", "Internal: legal cleared the photo caption"));

        Http.Response after = http.get("/site/articles/" + slug + "?atLeast=" + commented, null);
        assertThat(after.body()).isEqualTo(before.body()).doesNotContain("legal cleared");
        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
        assertThat(http.get("/site/articles?limit=1&atLeast=" + commented, null)
                        .json()
                        .path("meta"))
                .isEqualTo(listBefore.path("meta"));
    }

    @Test
    void theAuditorFindsAnyArticleUnpublishedAndKilledIncluded() {
        String marker = marker();
        ArticleId killed = story(marker, "reporter");
        send("editor", new KillArticle(killed, "Legal", "Withdrawn."));
        ArticleId unpublished = story(marker, "reporter");
        send("editor", SampleStory.publishWithoutReview(unpublished));
        long last = send("editor", new UnpublishArticle(unpublished, "Legal review"));

        JsonNode found = http.get("/audit/articles?" + q("haftar " + marker) + "&atLeast=" + last, "auditor")
                .json();
        assertThat(found.path("items").findValuesAsText("id")).containsExactly(unpublished.value(), killed.value());
        assertThat(found.path("total").asLong()).isEqualTo(2);
        JsonNode item = found.path("items").get(1);
        assertThat(item.path("headline").asText()).endsWith(marker);
        assertThat(item.path("state").asText()).isEqualTo("KILLED");
        assertThat(item.path("version").asLong()).isEqualTo(4);
        assertThat(item.path("updatedAt").asText()).isNotBlank();
        assertThat(http.get("/audit/articles?" + q(marker) + "&state=killed", "auditor")
                        .json()
                        .path("items")
                        .findValuesAsText("id"))
                .containsExactly(killed.value());
        assertProblem(http.get("/audit/articles?q=x", "editor"), 403, "forbidden");
        assertProblem(http.get("/audit/articles?state=lost", "auditor"), 400, "invalid-request");
        List<String> fields = new java.util.ArrayList<>();
        item.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "headline", "state", "version", "updatedAt");
    }
}
