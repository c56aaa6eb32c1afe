package org.newsroom.query.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.query.Problems.assertProblem;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.KillArticle;
import org.newsroom.command.article.Publication;
import org.newsroom.command.article.PublishArticle;
import org.newsroom.command.article.UnpublishArticle;
import org.newsroom.query.Http;
import org.newsroom.query.Ninjs;
import org.newsroom.query.QuerySideIT;
import org.newsroom.query.SampleStory;

import com.fasterxml.jackson.databind.JsonNode;

class SiteLifecycleIT extends QuerySideIT {

    @Test
    void listsNewestFirstWithAnOpaqueCursorAndAnswersConditionalRequests() {
        String a = publish("a1111111-site-list");
        String b = publish("b2222222-site-list");
        long position = engine.knownHeadPosition();
        String c = publish("c3333333-site-list");
        position = engine.knownHeadPosition();

        Http.Response first = http.get("/site/articles?limit=2&atLeast=" + position, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(uris(first.json())).containsExactly(uri(c), uri(b));
        String cursor = first.json().path("next").asText();
        assertThat(cursor).isNotBlank().doesNotContain(String.valueOf(position));
        assertThat(uris(http.get("/site/articles?limit=1&cursor=" + cursor, null)
                        .json()))
                .containsExactly(uri(a));

        assertThat(first.header("ETag")).isNotBlank();
        assertThat(http.get("/site/articles?limit=2", null, "If-None-Match", first.header("ETag"))
                        .status())
                .isEqualTo(304);
        assertThat(http.get("/site/articles?limit=2", null, "If-Modified-Since", first.header("Last-Modified"))
                        .status())
                .isEqualTo(304);

        assertProblem(http.get("/site/articles?cursor=not-a-cursor", null), 400, "invalid-request");
        assertProblem(http.get("/site/articles?limit=0", null), 400, "invalid-request");
    }

    @Test
    void anUnpublishedArticleIsNotFoundUntilRepublishedAndAKilledOneIsGoneWithItsNotice() {
        ArticleId id = new ArticleId("site-lifecycle-unpublish");
        String slug = publishArticle(id);
        long unpublished = send("editor", new UnpublishArticle(id, "legal review"));
        assertProblem(http.get("/site/articles/" + slug + "?atLeast=" + unpublished, null), 404, "article-not-found");
        JsonNode list = http.get("/site/articles?limit=100", null).json();
        assertThat(uris(list)).doesNotContain(uri(slug));

        sendFor("editor", new PublishArticle(id, null, null));
        long republished = engine.knownHeadPosition();
        JsonNode back = Ninjs.valid(http.get("/site/articles/" + slug + "?atLeast=" + republished, null)
                .json());
        assertThat(back.path("version").asText()).isEqualTo("2");

        long killed = send("editor", new KillArticle(id, "defamatory", "This article has been removed."));
        Http.Response gone = http.get("/site/articles/" + slug + "?atLeast=" + killed, null);
        assertProblem(gone, 410, "article-killed");
        assertThat(gone.json().path("notice").asText()).isEqualTo("This article has been removed.");
        assertThat(gone.json().path("detail").asText()).isEqualTo("This article has been removed.");
    }

    @Test
    void aSlugThatWasNeverPublishedIsNotFound() {
        long drafted = send("reporter", SampleStory.draft(new ArticleId("site-never-published")));
        assertProblem(
                http.get("/site/articles/never-published-slug?atLeast=" + drafted, null), 404, "article-not-found");
    }

    private String publish(String id) {
        return publishArticle(new ArticleId(id));
    }

    private String publishArticle(ArticleId id) {
        send("reporter", SampleStory.draft(id));
        send("editor", SampleStory.byline(id));
        Publication publication = sendFor("editor", SampleStory.publishWithoutReview(id));
        return publication.slug();
    }

    private static String uri(String slug) {
        return "https://newsroom.example/site/articles/" + slug;
    }

    private static List<String> uris(JsonNode list) {
        List<String> uris = new ArrayList<>();
        list.path("items")
                .forEach(item -> uris.add(Ninjs.valid(item).path("uri").asText()));
        return uris;
    }
}
