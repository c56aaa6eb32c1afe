package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.newsroom.query.webhooks.WebhookIT.assertProblem;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ChangeKind;
import org.newsroom.command.article.AddComment;
import org.newsroom.command.article.KillArticle;
import org.newsroom.command.article.PublishArticle;
import org.newsroom.command.article.UnpublishArticle;
import org.newsroom.query.Articles;
import org.newsroom.query.Integrator;
import org.newsroom.query.SyndicationServer;
import org.newsroom.query.feed.ArticleCloudEvents;
import org.newsroom.query.syndication.SyndicationFeed;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;

/**
 * Partners' webhooks: the syndication feed pushed to a receiver on loopback, each partner seeing only its own
 * subscriptions, beside the integrators' webhooks on the same store and dispatcher.
 */
class SyndicationWebhookIT extends SyndicationServer {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    MongoDatabase database;

    @Autowired
    SecretBox secrets;

    @Autowired
    WebhookDispatcher dispatcher;

    Integrator partner;
    Integrator otherPartner;
    Integrator integrator;
    Articles articles;
    Receiver receiver;

    record Hook(String id, String secret, long position) {}

    @BeforeEach
    void setUp() throws IOException {
        partner = Integrator.as(port, "partner");
        otherPartner = Integrator.as(port, "partner-b");
        integrator = new Integrator(port);
        articles = new Articles(commands);
        receiver = new Receiver();
    }

    @AfterEach
    void tearDown() {
        for (JsonNode hook : partner.get("/syndication/webhooks").json().path("items")) {
            partner.delete("/syndication/webhooks/" + hook.get("id").asText());
        }
        for (JsonNode hook : integrator.get("/api/webhooks").json().get("items")) {
            integrator.delete("/api/webhooks/" + hook.get("id").asText());
        }
        receiver.close();
    }

    @Test
    void aPartnerIsPushedExactlyThePublicEventsInOrderSignedAsTheFeedServesThem() throws Exception {
        receiver.answer(500);
        Hook hook = register(partner, receiver.url());
        String story = "pushed-" + UUID.randomUUID();
        String draft = "never-pushed-" + UUID.randomUUID();
        String killed = "pushed-killed-" + UUID.randomUUID();
        articles.draftAndPublish(story);
        articles.draft(draft);
        commands.sendAndWait(new AddComment(new ArticleId(draft), "c1", "Internal: check the quote"));
        articles.revise(story, "Corrected headline");
        commands.sendAndWait(new PublishArticle(new ArticleId(story), ChangeKind.CORRECTION, "We misspelt a name."));
        commands.sendAndWait(new UnpublishArticle(new ArticleId(story), "Legal asked us to hold it"));
        articles.draftAndPublish(killed);
        commands.sendAndWait(new KillArticle(new ArticleId(killed), "Source burned, internal", "Withdrawn."));
        long head = eventLog.headPosition();

        await().atMost(PATIENCE)
                .until(() -> partner.get("/syndication/webhooks/" + hook.id())
                                .json()
                                .get("position")
                                .asLong()
                        == head);

        List<Receiver.Delivery> accepted = receiver.accepted();
        assertThat(accepted)
                .extracting(delivery -> delivery.json().get("type").asText())
                .containsExactly(
                        SyndicationFeed.PUBLISHED,
                        SyndicationFeed.CORRECTED,
                        SyndicationFeed.UNPUBLISHED,
                        SyndicationFeed.PUBLISHED,
                        SyndicationFeed.KILLED);
        List<JsonNode> served = new ArrayList<>();
        partner.get("/syndication/events?after=" + hook.position())
                .json()
                .get("events")
                .forEach(served::add);
        assertThat(accepted).extracting(Receiver.Delivery::json).containsExactlyElementsOf(served);
        List<Receiver.Delivery> all = receiver.deliveries();
        assertThat(all).hasSize(6);
        assertThat(all.get(0).answeredWith()).isEqualTo(500);
        assertThat(all.get(0).webhookId()).isEqualTo(all.get(1).webhookId());
        for (Receiver.Delivery delivery : all) {
            assertThatCode(() -> delivery.verify(hook.secret())).doesNotThrowAnyException();
            assertThat(delivery.header("Content-Type")).startsWith("application/cloudevents+json");
            assertThat(delivery.json().get("source").asText()).isEqualTo("/syndication");
            assertThat(delivery.body())
                    .doesNotContain(draft, "Internal: check", "Legal asked", "Source burned", "actor");
        }

        JsonNode attempts = partner.get("/syndication/webhooks/" + hook.id() + "/deliveries")
                .json();
        assertThat(attempts.get("state").asText()).isEqualTo("active");
        assertThat(attempts.get("items"))
                .extracting(item -> item.get("statusCode").asInt())
                .containsExactly(200, 200, 200, 200, 200, 500);
    }

    @Test
    void eachPartnerSeesOnlyItsOwnWebhooksAndIntegratorsOnlyTheirs() {
        Hook mine = register(partner, URI.create("https://8.8.8.8/partner-a"));
        Integrator.Response registration =
                integrator.post("/api/webhooks", "{\"url\": \"https://8.8.8.8/integrator\"}");
        assertThat(registration.status()).as(registration.body()).isEqualTo(201);
        String integrators = registration.json().get("id").asText();

        assertProblem(otherPartner.get("/syndication/webhooks/" + mine.id()), 404, "webhook-not-found");
        assertProblem(otherPartner.get("/syndication/webhooks/" + mine.id() + "/deliveries"), 404, "webhook-not-found");
        assertProblem(otherPartner.delete("/syndication/webhooks/" + mine.id()), 404, "webhook-not-found");
        assertProblem(partner.get("/syndication/webhooks/" + integrators), 404, "webhook-not-found");
        assertThat(otherPartner.get("/syndication/webhooks").json().path("items"))
                .isEmpty();
        assertThat(partner.get("/syndication/webhooks").json().path("items"))
                .singleElement()
                .satisfies(hook -> {
                    assertThat(hook.get("id").asText()).isEqualTo(mine.id());
                    assertThat(hook.get("owner").asText()).isEqualTo("partner");
                    assertThat(hook.has("secret")).isFalse();
                });

        assertProblem(integrator.get("/syndication/webhooks"), 403, "forbidden");
        assertProblem(partner.get("/api/webhooks"), 403, "forbidden");
        assertThat(integrator.get("/api/webhooks").json().get("items"))
                .extracting(hook -> hook.get("id").asText())
                .containsExactly(integrators);
        assertProblem(integrator.get("/api/webhooks/" + mine.id()), 404, "unknown-webhook");
        assertProblem(integrator.delete("/api/webhooks/" + mine.id()), 404, "unknown-webhook");

        assertThat(partner.delete("/syndication/webhooks/" + mine.id()).status())
                .isEqualTo(204);
        assertProblem(partner.get("/syndication/webhooks/" + mine.id()), 404, "webhook-not-found");
    }

    @Test
    void aBadRegistrationIsAProblemAndStoresNothing() {
        long stored = database.getCollection(WebhookStore.SUBSCRIPTIONS).countDocuments();

        assertProblem(partner.post("/syndication/webhooks", "{\"url\": \"not a url\"}"), 400, "validation-failed");
        assertProblem(
                partner.post("/syndication/webhooks", "{\"url\": \"https://10.0.0.7/hook\"}"),
                400,
                "webhook-target-refused");
        assertProblem(
                partner.post(
                        "/syndication/webhooks",
                        "{\"url\": \"https://8.8.8.8/x\", \"types\": [\""
                                + ArticleCloudEvents.typeOf(ArticlePublished.class) + "\"]}"),
                400,
                "invalid-webhook-types");
        assertProblem(
                partner.post(
                        "/syndication/webhooks",
                        "{\"url\": \"https://8.8.8.8/x\", \"types\": [\"" + SyndicationFeed.KILLED + "\", \"nope\"]}"),
                400,
                "invalid-webhook-types");

        assertThat(database.getCollection(WebhookStore.SUBSCRIPTIONS).countDocuments())
                .isEqualTo(stored);
        assertThat(partner.get("/syndication/webhooks").json().path("items")).isEmpty();
    }

    @Test
    void aSubscriptionStoredWithoutAFeedIsStillDeliveredTheIntegrationFeed() throws Exception {
        String id = "wh_" + UUID.randomUUID().toString().replace("-", "");
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        Date now = Date.from(Instant.now());
        database.getCollection(WebhookStore.SUBSCRIPTIONS)
                .insertOne(new Document("_id", id)
                        .append("owner", "integrator")
                        .append("url", receiver.url().toString())
                        .append("types", List.of())
                        .append("sealedSecret", secrets.seal(id, secret))
                        .append("state", "ACTIVE")
                        .append("position", eventLog.headPosition())
                        .append("attempts", 0)
                        .append("createdAt", now)
                        .append("stateChangedAt", now)
                        .append("generation", 0L)
                        .append("attemptsLogged", 0L));
        dispatcher.changed(id);
        String draft = "legacy-" + UUID.randomUUID();

        articles.draft(draft);

        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
        Receiver.Delivery delivery = receiver.accepted().get(0);
        assertThatCode(() -> delivery.verify(secret)).doesNotThrowAnyException();
        assertThat(delivery.json().get("subject").asText()).isEqualTo(draft);
        assertThat(delivery.json().get("type").asText()).isEqualTo(ArticleCloudEvents.typeOf(ArticleDrafted.class));
        assertThat(integrator.get("/api/webhooks/" + id).status()).isEqualTo(200);
        assertThat(partner.get("/syndication/webhooks").json().path("items")).isEmpty();
    }

    private Hook register(Integrator caller, URI url) {
        Integrator.Response response = caller.post("/syndication/webhooks", "{\"url\": \"" + url + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode created = response.json();
        assertThat(created.get("secret").asText()).startsWith("whsec_");
        return new Hook(
                created.get("id").asText(),
                created.get("secret").asText(),
                created.get("position").asLong());
    }
}
