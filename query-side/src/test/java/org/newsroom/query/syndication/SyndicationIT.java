package org.newsroom.query.syndication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ChangeKind;
import org.newsroom.command.article.KillArticle;
import org.newsroom.command.article.PublishArticle;
import org.newsroom.command.article.UnpublishArticle;
import org.newsroom.query.Articles;
import org.newsroom.query.Integrator;
import org.newsroom.query.Ninjs;
import org.newsroom.query.SyndicationServer;

import com.fasterxml.jackson.databind.JsonNode;

/** The syndication feed as a partner reads it: public events only, nothing internal, by position. */
class SyndicationIT extends SyndicationServer {

    @Test
    void aPartnerReadsPublicationsCorrectionsUnpublicationsAndKillsAndNothingInternal() throws Exception {
        long start = eventLog.headPosition();
        Articles articles = new Articles(commands);
        String story = "syndicated-" + UUID.randomUUID();
        String draft = "never-published-" + UUID.randomUUID();
        String killed = "killed-" + UUID.randomUUID();
        articles.draftAndPublish(story);
        articles.draft(draft);
        articles.revise(story, "Corrected headline");
        commands.sendAndWait(new PublishArticle(new ArticleId(story), ChangeKind.CORRECTION, "We misspelt a name."));
        commands.sendAndWait(new UnpublishArticle(new ArticleId(story), "Legal asked us to hold it"));
        articles.draftAndPublish(killed);
        commands.sendAndWait(new KillArticle(new ArticleId(killed), "Source burned, internal", "Withdrawn."));

        Integrator partner = Integrator.as(port, "partner");
        List<JsonNode> events = new ArrayList<>();
        String body = "";
        long after = start;
        for (int page = 0; page < 20; page++) {
            Integrator.Response response = partner.get("/syndication/events?limit=2&after=" + after);
            assertThat(response.status()).isEqualTo(200);
            body += response.body();
            JsonNode json = Integrator.JSON.readTree(response.body());
            json.path("events").forEach(events::add);
            if (json.path("next").asLong() == after) {
                break;
            }
            after = json.path("next").asLong();
        }

        assertThat(events)
                .extracting(event -> event.path("type").asText())
                .containsExactly(
                        SyndicationFeed.PUBLISHED,
                        SyndicationFeed.CORRECTED,
                        SyndicationFeed.UNPUBLISHED,
                        SyndicationFeed.PUBLISHED,
                        SyndicationFeed.KILLED);
        JsonNode correction = events.get(1).path("data");
        Ninjs.valid(correction);
        assertThat(correction.path("headlines").path(0).path("value").asText()).isEqualTo("Corrected headline");
        assertThat(correction.path("descriptions").findValuesAsText("value")).contains("We misspelt a name.");
        assertThat(events.get(2).path("subject").asText())
                .isEqualTo(events.get(0).path("subject").asText());
        assertThat(events.get(4).path("data").path("notice").asText()).isEqualTo("Withdrawn.");
        assertThat(body)
                .doesNotContain(
                        "Legal asked", "Source burned", draft, "actor", "withoutReview", "Agency copy, checked");

        assertThat(new Integrator(port).get("/syndication/events").status()).isEqualTo(403);
        assertThat(partner.get("/feed/events").status()).isEqualTo(403);
    }
}
