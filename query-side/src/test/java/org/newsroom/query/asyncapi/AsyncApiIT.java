package org.newsroom.query.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ChangeKind;
import org.newsroom.command.article.KillArticle;
import org.newsroom.command.article.PublishArticle;
import org.newsroom.command.article.UnpublishArticle;
import org.newsroom.query.Articles;
import org.newsroom.query.Integrator;
import org.newsroom.query.QuerySideIT;
import org.newsroom.query.syndication.SyndicationFeed;
import org.newsroom.testing.ApiClient;
import org.newsroom.testing.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The AsyncAPI document is served to anyone, as it is on the classpath; and what the feeds really serve matches it:
 * the CloudEvents the integration and the syndication feed serve about an article are valid against their messages'
 * schemas.
 */
class AsyncApiIT extends QuerySideIT {

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Test
    void anyoneReadsTheAsyncApiDocumentAsYaml() {
        ApiResponse response = ApiClient.on(port).get("/asyncapi.yaml");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/yaml");
        assertThat(response.body()).contains("asyncapi: 3.0.0").isEqualTo(AsyncApiDocument.text());
    }

    @Test
    void aSignedInPartnerReadsItToo() {
        ApiResponse response = ApiClient.on(port).as("partner").get("/asyncapi.yaml");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.body()).contains("news.syndication.published.v1");
    }

    @Test
    void theCloudEventsBothFeedsServeAboutAnArticleAreValidAgainstTheirMessagesSchemas() throws Exception {
        Articles articles = new Articles(commands);
        String story = "asyncapi-" + UUID.randomUUID();
        String killed = "asyncapi-killed-" + UUID.randomUUID();
        articles.draftAndPublish(story);
        articles.revise(story, "Corrected headline");
        commands.sendAndWait(new PublishArticle(new ArticleId(story), ChangeKind.CORRECTION, "We misspelt a name."));
        commands.sendAndWait(new UnpublishArticle(new ArticleId(story), "Legal asked us to hold it"));
        articles.draftAndPublish(killed);
        commands.sendAndWait(new KillArticle(new ArticleId(killed), "Source burned, internal", "Withdrawn."));

        List<JsonNode> integration = new ArrayList<>();
        for (String id : List.of(story, killed)) {
            integration.addAll(readAll(Integrator.as(port, "integrator"), "/feed/events?subject=" + id + "&"));
        }
        List<JsonNode> syndication =
                ours(readAll(Integrator.as(port, "partner"), "/syndication/events?"), story, killed);

        assertThat(typesOf(integration)).contains("news.article.killed.v1", "news.article.unpublished.v1");
        assertThat(typesOf(syndication)).containsExactlyInAnyOrderElementsOf(SyndicationFeed.TYPES);
        List<String> invalid = new ArrayList<>();
        for (JsonNode event : concat(integration, syndication)) {
            String type = event.path("type").asText();
            Optional<String> schema = AsyncApiDocument.envelopeSchemaOf(type);
            assertThat(schema).as("a message for %s", type).isPresent();
            AsyncApiDocument.violations(schema.get(), event)
                    .forEach(violation -> invalid.add(type + " at " + event.path("position") + ": " + violation));
        }
        assertThat(invalid).isEmpty();
    }

    private static List<JsonNode> readAll(Integrator reader, String path) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < 1_000; page++) {
            Integrator.Response response = reader.get(path + "limit=1000&after=" + after);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode json = Integrator.JSON.readTree(response.body());
            json.path("events").forEach(events::add);
            long next = json.path("next").asLong();
            if (next == after) {
                return events;
            }
            after = next;
        }
        throw new AssertionError(path + " did not end within 1,000 pages");
    }

    /**
     * The syndication events of these articles: their publications name them among the ninjs altIds, and every later
     * event of an article has the same subject, its public uri.
     */
    private static List<JsonNode> ours(List<JsonNode> syndication, String... articleIds) {
        Set<String> ids = Set.of(articleIds);
        Set<String> uris = new TreeSet<>();
        syndication.forEach(event -> event.path("data").path("altIds").forEach(altId -> {
            if (ids.contains(altId.path("value").asText())) {
                uris.add(event.path("subject").asText());
            }
        }));
        return syndication.stream()
                .filter(event -> uris.contains(event.path("subject").asText()))
                .toList();
    }

    private static Set<String> typesOf(List<JsonNode> events) {
        Set<String> types = new TreeSet<>();
        events.forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    private static List<JsonNode> concat(List<JsonNode> first, List<JsonNode> second) {
        List<JsonNode> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
