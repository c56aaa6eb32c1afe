package org.newsroom.query.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.query.Problems.assertProblem;

import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.command.article.SubmitForReview;
import org.newsroom.query.Http;
import org.newsroom.query.QuerySideIT;

import com.fasterxml.jackson.databind.JsonNode;

class EditorialQueriesIT extends QuerySideIT {

    @Test
    void theWorkListFiltersByStateAndHeadlineAndPages() {
        for (int i = 1; i <= 3; i++) {
            send(
                    "reporter",
                    new DraftArticle(
                            new ArticleId("worklist-" + i), "Budget talks, round " + i, null, "<p>Talks.</p>", "en"));
        }
        long submitted = send("reporter", new SubmitForReview(new ArticleId("worklist-2"), "ready"));

        JsonNode inReview = http.get("/api/articles?state=in_review&q=budget%20TALKS&atLeast=" + submitted, "editor")
                .json();
        assertThat(inReview.path("items").findValuesAsText("id")).containsExactly("worklist-2");
        assertThat(inReview.path("total").asLong()).isEqualTo(1);

        JsonNode page0 = http.get("/api/articles?q=budget+talks&size=2&page=0", "reporter")
                .json();
        assertThat(page0.path("items").findValuesAsText("id")).containsExactly("worklist-2", "worklist-3");
        assertThat(page0.path("total").asLong()).isEqualTo(3);
        assertThat(page0.path("size").asInt()).isEqualTo(2);
        JsonNode page1 = http.get("/api/articles?q=budget+talks&size=2&page=1", "reporter")
                .json();
        assertThat(page1.path("items").findValuesAsText("id")).containsExactly("worklist-1");
        assertThat(page1.path("page").asInt()).isEqualTo(1);
        assertThat(page1.path("items").get(0).has("body")).isFalse();

        assertProblem(http.get("/api/articles?state=lost", "editor"), 400, "invalid-request");
        assertProblem(http.get("/api/articles?size=1000", "editor"), 400, "invalid-request");
        assertProblem(http.get("/api/articles?page=x", "editor"), 400, "malformed-request");
    }

    @Test
    void anArticleCarriesItsVersionAsETagAndAnswersConditionalRequests() {
        long drafted = send("reporter", new DraftArticle(new ArticleId("editorial-etag"), "Headline", null, "", null));
        Http.Response article = http.get("/api/articles/editorial-etag?atLeast=" + drafted, "reporter");
        assertThat(article.status()).isEqualTo(200);
        assertThat(article.header("ETag")).isEqualTo("\"1\"");
        assertThat(article.json().path("language").asText()).isEqualTo("en");
        assertThat(http.get("/api/articles/editorial-etag", "reporter", "If-None-Match", "\"1\"")
                        .status())
                .isEqualTo(304);
        assertProblem(http.get("/api/articles/no-such-article", "reporter"), 404, "article-not-found");
    }

    @Test
    void anEventWithoutActorLeavesUpdatedByEmpty() {
        commands.sendAndWait(new DraftArticle(new ArticleId("editorial-no-actor"), "Headline", null, "", null));
        long position = engine.knownHeadPosition();
        JsonNode article = http.get("/api/articles/editorial-no-actor?atLeast=" + position, "editor")
                .json();
        assertThat(article.path("updatedBy").isNull()).isTrue();
        assertThat(article.path("updatedAt").asText()).isNotBlank();
    }
}
