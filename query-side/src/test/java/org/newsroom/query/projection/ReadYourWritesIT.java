package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.query.Problems.assertProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.Publication;
import org.newsroom.command.article.ReviseArticle;
import org.newsroom.query.Http;
import org.newsroom.query.Ninjs;
import org.newsroom.query.QuerySideIT;
import org.newsroom.query.SampleStory;
import org.springframework.beans.factory.annotation.Autowired;

class ReadYourWritesIT extends QuerySideIT {

    @Autowired
    private ProjectionProcessors processors;

    @Test
    void aReadAtLeastAtTheWritesPositionSeesTheWrite() {
        ArticleId id = new ArticleId("read-your-writes");
        send("reporter", SampleStory.draft(id));
        for (int i = 1; i <= 5; i++) {
            long position = send("reporter", new ReviseArticle(id, "Revision " + i, null, null, null));
            assertThat(http.get("/api/articles/" + id + "?atLeast=" + position, "reporter")
                            .json()
                            .path("headline")
                            .asText())
                    .isEqualTo("Revision " + i);
            assertThat(http.get("/audit/articles/" + id + "/history?atLeast=" + position, "auditor")
                            .json()
                            .path("entries"))
                    .hasSize(i + 1);
        }
    }

    @Test
    void aPositionNotReachedInTimeIsA503WithRetryAfter() {
        StreamingEventProcessor site = processors.processor("site");
        site.shutDown();
        try {
            long position = send("reporter", SampleStory.draft(new ArticleId("read-your-writes-stopped")));
            long started = System.nanoTime();
            Http.Response response = http.get("/site/articles?atLeast=" + position, null);
            assertProblem(response, 503, "projection-behind");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(4_900));
            assertThat(response.header("Retry-After")).isEqualTo("1");
            assertThat(response.json().path("projection").asText()).isEqualTo("site");
            assertThat(response.json().path("atLeast").asLong()).isEqualTo(position);
        } finally {
            site.start();
        }
    }

    @Test
    void aPositionBeyondTheHeadOfTheLogIsA400AtOnceAndBadPositionsAre400s() {
        // far past the head: the transparency log's signer may append a checkpoint at any moment, which made head + 1
        // a position reached by the time the request arrived
        long beyond = engine.headPosition() + 1_000_000;
        long started = System.nanoTime();
        Http.Response response = http.get("/site/articles?atLeast=" + beyond, null);
        assertProblem(response, 400, "position-beyond-head");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
        assertThat(response.json().path("atLeast").asLong()).isEqualTo(beyond);
        assertProblem(http.get("/api/articles?atLeast=" + Long.MAX_VALUE, "editor"), 400, "position-beyond-head");
        assertProblem(http.get("/api/articles?atLeast=-1", "editor"), 400, "invalid-request");
        assertProblem(http.get("/audit/articles/x/history?atLeast=soon", "auditor"), 400, "invalid-request");
    }

    /** Informal: how long from an acknowledged publication until the site serves it, on the embedded default. */
    @Test
    void publicationsReachTheSiteQuickly() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ArticleId id = new ArticleId(String.format("%02d-latency", i));
            send("reporter", SampleStory.draft(id));
            send("editor", SampleStory.byline(id));
            Publication publication = sendFor("editor", SampleStory.publishWithoutReview(id));
            long position = engine.knownHeadPosition();
            long started = System.nanoTime();
            String slug = publication.slug();
            Http.Response page = http.get("/site/articles/" + slug + "?atLeast=" + position, null);
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(Ninjs.valid(page.json()).path("version").asText()).isEqualTo("1");
        }
        Collections.sort(millis);
        System.out.printf(
                "[latency] publish -> site, 20 publications: p50 %d ms, max %d ms%n",
                millis.get(millis.size() / 2), millis.get(millis.size() - 1));
        assertThat(millis.get(millis.size() / 2)).isLessThan(1_000);
    }
}
