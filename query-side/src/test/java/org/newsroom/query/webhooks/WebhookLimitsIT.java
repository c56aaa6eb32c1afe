package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsroom.query.webhooks.WebhookIT.assertProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.query.Integrator;
import org.newsroom.testing.MutableClock;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;

/** The caps on what one integrator and one failing endpoint may cost, with a clock the test moves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookLimitsIT {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(START);
    private EmbeddedMongoServer mongo;
    private Instance instance;
    private Integrator integrator;

    @BeforeAll
    void start() {
        mongo = EmbeddedMongoServer.startInMemory();
        ApplicationContextInitializer<ConfigurableApplicationContext> movableClock =
                context -> context.getBeanFactory().registerSingleton("clock", clock);
        instance = new Instance(
                mongo.connectionString() + "/limits",
                List.of(movableClock),
                "newsroom.webhooks.max-per-integrator=3",
                "newsroom.webhooks.retry.initial-interval=50ms",
                "newsroom.webhooks.retry.multiplier=1",
                "newsroom.webhooks.retry.max-attempts=100");
        integrator = instance.integrator();
    }

    @AfterAll
    void stop() {
        instance.close();
        mongo.close();
    }

    @Test
    void anIntegratorHasAtMostTheConfiguredNumberOfWebhooks() {
        int existing = integrator.get("/api/webhooks").json().get("items").size();
        String last = null;
        for (int i = existing; i < 3; i++) {
            Integrator.Response created = integrator.post("/api/webhooks", "{\"url\": \"http://127.0.0.1:9/capped\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().get("id").asText()).isNotBlank();
            last = created.json().get("id").asText();
        }

        Integrator.Response refused =
                integrator.post("/api/webhooks", "{\"url\": \"http://127.0.0.1:9/one-too-many\"}");

        assertProblem(refused, 409, "webhook-limit-reached");
        assertThat(refused.json().get("detail").asText()).contains("integrator").contains("3");
        assertThat(integrator.get("/api/webhooks").json().get("items")).hasSize(3);
        assertThat(integrator.get("/api/webhooks").json().get("items"))
                .extracting(item -> item.get("owner").asText())
                .containsOnly("integrator");
        assertThat(integrator.delete("/api/webhooks/" + last).status()).isEqualTo(204);
        assertThat(integrator
                        .post("/api/webhooks", "{\"url\": \"http://127.0.0.1:9/room-again\"}")
                        .status())
                .isEqualTo(201);
        integrator
                .get("/api/webhooks")
                .json()
                .get("items")
                .forEach(item ->
                        integrator.delete("/api/webhooks/" + item.get("id").asText()));
    }

    @Test
    void anEndpointFailingForThreeDaysIsDisabledWithNoticeAndARedeliveryEnablesItAgain() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        ((Logger) LoggerFactory.getLogger(WebhookDispatcher.class)).addAppender(logged);
        MeterRegistry meters = instance.bean(MeterRegistry.class);
        double disabledBefore = disabledCount(meters);
        try (Receiver receiver = new Receiver().answerAlways(500)) {
            JsonNode hook = integrator
                    .post("/api/webhooks", "{\"url\": \"" + receiver.url() + "\"}")
                    .json();
            String id = hook.get("id").asText();
            instance.articles().draft("failing-for-days");
            await().atMost(PATIENCE).until(() -> receiver.deliveries().size() == 1);
            await().atMost(PATIENCE).until(() -> state(id).has("failingSince"));
            assertThat(state(id).get("failingSince").asText()).isEqualTo(START.toString());

            clock.advance(Duration.ofDays(2));
            await().atMost(PATIENCE).until(() -> receiver.deliveries().size() == 2);
            await().during(Duration.ofMillis(500))
                    .atMost(PATIENCE)
                    .until(() -> state(id).get("state").asText().equals("active"));

            clock.advance(Duration.ofDays(1));
            await().atMost(PATIENCE).until(() -> state(id).get("state").asText().equals("disabled"));

            JsonNode disabled = state(id);
            assertThat(disabled.get("disabledReason").asText()).isEqualTo("failing");
            assertThat(disabled.get("lastError").asText())
                    .contains("failing without a break since " + START)
                    .contains("HTTP 500");
            assertThat(disabled.get("stateChangedAt").asText())
                    .isEqualTo(START.plus(Duration.ofDays(3)).toString());
            JsonNode deliveries =
                    integrator.get("/api/webhooks/" + id + "/deliveries").json();
            assertThat(deliveries.get("state").asText()).isEqualTo("disabled");
            assertThat(deliveries.get("disabledReason").asText()).isEqualTo("failing");
            assertThat(deliveries.get("items")).hasSize(3);
            assertThat(logged.list)
                    .filteredOn(event -> event.getLevel() == Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(message -> assertThat(message)
                            .contains(id)
                            .contains("disabled")
                            .contains("failing without a break"));
            assertThat(disabledCount(meters) - disabledBefore).isEqualTo(1.0);
            await().during(Duration.ofSeconds(1))
                    .atMost(PATIENCE)
                    .until(() -> receiver.deliveries().size() == 3);

            receiver.answerAlways(200);
            assertThat(integrator.post("/api/webhooks/" + id + "/redeliver", "").status())
                    .isEqualTo(202);
            await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 1);
            await().atMost(PATIENCE)
                    .until(() -> state(id).get("state").asText().equals("active")
                            && !state(id).has("failingSince")
                            && !state(id).has("disabledReason"));
            integrator.delete("/api/webhooks/" + id);
        } finally {
            ((Logger) LoggerFactory.getLogger(WebhookDispatcher.class)).detachAppender(logged);
        }
    }

    private JsonNode state(String id) {
        return integrator.get("/api/webhooks/" + id).json();
    }

    private static double disabledCount(MeterRegistry meters) {
        return meters.get("newsroom.webhooks.disabled")
                .tag("reason", "failing")
                .counter()
                .count();
    }
}
