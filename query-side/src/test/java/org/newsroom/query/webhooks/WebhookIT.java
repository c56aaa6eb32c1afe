package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.query.Articles;
import org.newsroom.query.CloudEventSchema;
import org.newsroom.query.FeedTestApplication;
import org.newsroom.query.Integrator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/** Webhooks delivered to a receiver on loopback (allowed here by configuration), with retry intervals in milliseconds. */
@SpringBootTest(
        classes = FeedTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.webhooks.allow-private-targets=true",
            "newsroom.webhooks.timeout=2s",
            "newsroom.webhooks.retry.initial-interval=50ms",
            "newsroom.webhooks.retry.multiplier=2",
            "newsroom.webhooks.retry.max-interval=2s",
            "newsroom.webhooks.retry.max-attempts=4",
            "newsroom.webhooks.retry.jitter=0.1",
            "axon.eventhandling.processors.replay-probe.mode=tracking"
        })
@Import(ReplayProbe.class)
class WebhookIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("webhook-it");
        registry.add("newsroom.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventLogStorageEngine eventLog;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ReplayProbe probe;

    Integrator integrator;
    Articles articles;
    Receiver receiver;
    final List<String> registered = new ArrayList<>();

    record Hook(String id, String secret, long position) {}

    @BeforeEach
    void setUp() throws IOException {
        integrator = new Integrator(port);
        articles = new Articles(commands);
        receiver = new Receiver();
    }

    @AfterEach
    void tearDown() {
        registered.forEach(id -> integrator.delete("/api/webhooks/" + id));
        receiver.close();
    }

    @Test
    void aFailingEndpointIsRetriedThenGetsEveryEventSignedAndInOrder() throws Exception {
        receiver.answer(500, 500, 500);
        Hook hook = register(receiver.url(), null);
        articles.draftAndPublish("retried-a");
        articles.draft("retried-b");
        articles.revise("retried-a", "Retried, revised");
        long start = hook.position();

        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 5);

        List<Receiver.Delivery> deliveries = receiver.deliveries();
        assertThat(deliveries)
                .extracting(Receiver.Delivery::answeredWith)
                .containsExactly(500, 500, 500, 200, 200, 200, 200, 200);
        assertThat(deliveries.subList(0, 4))
                .extracting(Receiver.Delivery::position)
                .containsOnly(start + 1);
        assertThat(deliveries.subList(0, 4))
                .extracting(Receiver.Delivery::webhookId)
                .containsOnly(deliveries.get(0).json().get("id").asText());
        assertThat(receiver.accepted())
                .extracting(Receiver.Delivery::position)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(start + 1, start + 5).boxed().toList());
        assertThat(receiver.accepted().stream()
                        .filter(d -> d.json().get("subject").asText().equals("retried-a")))
                .extracting(d -> d.json().get("articleversion").asLong())
                .containsExactly(1L, 2L, 3L, 4L);
        for (Receiver.Delivery delivery : deliveries) {
            assertThatCode(() -> delivery.verify(hook.secret())).doesNotThrowAnyException();
            assertThat(delivery.webhookId()).isEqualTo(delivery.json().get("id").asText());
            assertThat(delivery.header("Content-Type")).startsWith("application/cloudevents+json");
            assertThat(CloudEventSchema.violations(delivery.json())).isEmpty();
        }
        assertThatCode(() -> deliveries
                        .get(0)
                        .verify("whsec_"
                                + java.util.Base64.getEncoder()
                                        .encodeToString("another secret of 32 bytes......".getBytes())))
                .isInstanceOf(Exception.class);

        JsonNode state = integrator.get("/api/webhooks/" + hook.id()).json();
        assertThat(state.get("state").asText()).isEqualTo("active");
        assertThat(state.get("position").asLong()).isEqualTo(start + 5);
        assertThat(state.get("attempts").asInt()).isZero();
        assertThat(state.has("secret")).isFalse();

        JsonNode attempts = integrator
                .get("/api/webhooks/" + hook.id() + "/deliveries")
                .json()
                .get("items");
        assertThat(attempts).hasSize(8);
        assertThat(attempts)
                .extracting(a -> a.get("sequence").asLong())
                .containsExactly(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
        JsonNode first = attempts.get(7);
        assertThat(first.get("position").asLong()).isEqualTo(start + 1);
        assertThat(first.get("eventId").asText()).isEqualTo(deliveries.get(0).webhookId());
        assertThat(first.get("statusCode").asInt()).isEqualTo(500);
        assertThat(first.get("error").asText()).isEqualTo("HTTP 500");
        assertThat(first.get("outcome").asText()).isEqualTo("failed");
        assertThat(first.get("durationMillis").asLong()).isNotNegative();
        assertThat(first.get("time").asText()).isNotBlank();
        assertThat(attempts.get(4).get("attempt").asInt()).isEqualTo(4);
        assertThat(attempts.get(4).get("outcome").asText()).isEqualTo("delivered");

        JsonNode older = integrator
                .get("/api/webhooks/" + hook.id() + "/deliveries?limit=3&before=4")
                .json();
        assertThat(older.get("items"))
                .extracting(a -> a.get("sequence").asLong())
                .containsExactly(3L, 2L, 1L);
        assertThat(older.has("next")).isFalse();
    }

    @Test
    void retryAfterIsHonoured() {
        receiver.answer(503).withResponseHeaders(Map.of("Retry-After", "1"));
        register(receiver.url(), null);
        articles.draft("retry-after");

        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);

        List<Receiver.Delivery> deliveries = receiver.deliveries();
        assertThat(Duration.ofNanos(
                        deliveries.get(1).arrivedNanos() - deliveries.get(0).arrivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aSubscriptionToSomeTypesGetsOnlyThoseAndItsCursorStillMovesOn() {
        Hook hook = register(receiver.url(), List.of("news.article.published.v1"));
        articles.draftAndPublish("typed-a");
        articles.draftAndPublish("typed-b");
        articles.draft("typed-c");
        long head = eventLog.headPosition();

        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 2);
        await().atMost(PATIENCE)
                .until(() -> integrator
                                .get("/api/webhooks/" + hook.id())
                                .json()
                                .get("position")
                                .asLong()
                        == head);

        assertThat(receiver.deliveries())
                .extracting(d -> d.json().get("type").asText())
                .containsOnly("news.article.published.v1");
        assertThat(receiver.deliveries())
                .extracting(d -> d.json().get("subject").asText())
                .containsExactly("typed-a", "typed-b");
    }

    @Test
    void goneDisablesTheSubscriptionUntilARedeliveryIsAskedFor() {
        receiver.answer(410);
        Hook hook = register(receiver.url(), null);
        articles.draft("gone-a");

        await().atMost(PATIENCE)
                .until(() -> integrator
                        .get("/api/webhooks/" + hook.id())
                        .json()
                        .get("state")
                        .asText()
                        .equals("disabled"));
        articles.draft("gone-b");
        await().during(Duration.ofMillis(500))
                .atMost(PATIENCE)
                .until(() -> receiver.deliveries().size() == 1);

        Integrator.Response redelivery =
                integrator.post("/api/webhooks/" + hook.id() + "/redeliver?from=" + (hook.position() + 1), "");
        assertThat(redelivery.status()).isEqualTo(202);
        assertThat(redelivery.json().get("state").asText()).isEqualTo("active");
        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 2);

        assertThat(receiver.accepted())
                .extracting(d -> d.json().get("subject").asText())
                .containsExactly("gone-a", "gone-b");
        assertThat(receiver.deliveries().get(1).webhookId())
                .isEqualTo(receiver.deliveries().get(0).webhookId());
    }

    @Test
    void afterTheLastAttemptTheSubscriptionIsPausedAndARedeliveryResumesIt() {
        receiver.answerAlways(500);
        Hook hook = register(receiver.url(), null);
        articles.draft("paused-a");
        articles.draft("paused-b");

        await().atMost(PATIENCE)
                .until(() -> integrator
                        .get("/api/webhooks/" + hook.id())
                        .json()
                        .get("state")
                        .asText()
                        .equals("paused"));
        JsonNode paused = integrator.get("/api/webhooks/" + hook.id()).json();
        assertThat(paused.get("attempts").asInt()).isEqualTo(4);
        assertThat(paused.get("lastError").asText()).isEqualTo("HTTP 500");
        assertThat(paused.get("position").asLong()).isEqualTo(hook.position());
        await().during(Duration.ofMillis(500))
                .atMost(PATIENCE)
                .until(() -> receiver.deliveries().size() == 4);
        assertThat(receiver.deliveries())
                .extracting(Receiver.Delivery::position)
                .containsOnly(hook.position() + 1);

        receiver.answerAlways(200);
        assertThat(integrator
                        .post("/api/webhooks/" + hook.id() + "/redeliver", "")
                        .status())
                .isEqualTo(202);
        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 2);

        assertThat(receiver.accepted())
                .extracting(d -> d.json().get("subject").asText())
                .containsExactly("paused-a", "paused-b");
        assertThat(integrator
                        .get("/api/webhooks/" + hook.id())
                        .json()
                        .get("state")
                        .asText())
                .isEqualTo("active");
    }

    @Test
    void rebuildingAProjectionSendsNoWebhookAgain() {
        Hook hook = register(receiver.url(), null);
        articles.draftAndPublish("replayed");
        long head = eventLog.headPosition();
        await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 3);
        await().atMost(PATIENCE).until(() -> probe.handled() == head);

        StreamingEventProcessor processor = processing
                .eventProcessor(ReplayProbe.NAME, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(PATIENCE).until(() -> probe.resets() == 1 && probe.handled() == head);

        await().during(Duration.ofMillis(500))
                .atMost(PATIENCE)
                .until(() -> receiver.deliveries().size() == 3);
        assertThat(integrator
                        .get("/api/webhooks/" + hook.id())
                        .json()
                        .get("position")
                        .asLong())
                .isEqualTo(head);
        assertThat(integrator
                        .get("/api/webhooks/" + hook.id() + "/deliveries")
                        .json()
                        .get("items"))
                .hasSize(3);
    }

    @Test
    void webhooksAreListedReadAndDeletedAndBadRequestsAreProblems() {
        Hook hook = register(URI.create("http://127.0.0.1:9/unused"), List.of("news.article.killed.v1"));
        assertThat(hook.secret()).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(hook.secret().substring(6)))
                .hasSize(32);

        assertThat(integrator.get("/api/webhooks").json().get("items"))
                .anySatisfy(item -> assertThat(item.get("id").asText()).isEqualTo(hook.id()));
        JsonNode one = integrator.get("/api/webhooks/" + hook.id()).json();
        assertThat(one.get("url").asText()).isEqualTo("http://127.0.0.1:9/unused");
        assertThat(one.get("types")).extracting(JsonNode::asText).containsExactly("news.article.killed.v1");

        assertProblem(
                integrator.post("/api/webhooks", "{\"url\": \"ftp://8.8.8.8/x\"}"), 400, "webhook-target-refused");
        assertProblem(integrator.post("/api/webhooks", "{\"types\": []}"), 400, "validation-failed");
        assertProblem(
                integrator.post("/api/webhooks", "{\"url\": \"https://8.8.8.8/x\", \"types\": [\"nope\"]}"),
                400,
                "unknown-event-type");
        assertProblem(integrator.post("/api/webhooks", "{not json"), 400, "malformed-request");
        assertProblem(integrator.get("/api/webhooks/wh_unknown"), 404, "unknown-webhook");
        assertProblem(integrator.post("/api/webhooks/wh_unknown/redeliver", ""), 404, "unknown-webhook");
        assertProblem(integrator.post("/api/webhooks/" + hook.id() + "/redeliver?from=0", ""), 400, "invalid-position");

        assertThat(integrator.delete("/api/webhooks/" + hook.id()).status()).isEqualTo(204);
        assertProblem(integrator.get("/api/webhooks/" + hook.id()), 404, "unknown-webhook");
        assertProblem(integrator.delete("/api/webhooks/" + hook.id()), 404, "unknown-webhook");
    }

    @Test
    void anInvalidRegistrationIsAFieldProblemAndStoresNothing() {
        int before = integrator.get("/api/webhooks").json().get("items").size();

        assertFieldProblem(
                integrator.post("/api/webhooks", "{\"url\": \"not a url\"}"),
                "validation-failed",
                "url",
                "absolute-url");
        assertFieldProblem(
                integrator.post("/api/webhooks", "{\"url\": \"https://8.8.8.8/x\", \"types\": []}"),
                "validation-failed",
                "types",
                "size");
        assertFieldProblem(
                integrator.post("/api/webhooks", "{\"url\": \"https://8.8.8.8/x\", \"secret\": \"mine\"}"),
                "unknown-property",
                "secret",
                "unknown-property");
        assertFieldProblem(
                integrator.post("/api/webhooks", "{\"types\": null}"), "validation-failed", "url", "required");

        assertThat(integrator.get("/api/webhooks").json().get("items")).hasSize(before);
    }

    private Hook register(URI url, List<String> types) {
        String body = types == null
                ? "{\"url\": \"" + url + "\"}"
                : "{\"url\": \"" + url + "\", \"types\": " + toJson(types) + "}";
        Integrator.Response response = integrator.post("/api/webhooks", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode created = response.json();
        registered.add(created.get("id").asText());
        return new Hook(
                created.get("id").asText(),
                created.get("secret").asText(),
                created.get("position").asLong());
    }

    private static String toJson(Object value) {
        try {
            return Integrator.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 400 problem naming one field, and only that one, with the given error code. */
    static void assertFieldProblem(Integrator.Response response, String code, String field, String fieldCode) {
        assertProblem(response, 400, code);
        assertThat(response.json().get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("code").asText()).isEqualTo(fieldCode);
            assertThat(error.get("message").asText()).isNotBlank();
        });
    }

    static void assertProblem(Integrator.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("type").asText()).isEqualTo("https://newsroom.example/problems/" + code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }
}
