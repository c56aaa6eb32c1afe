package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.newsroom.query.webhooks.WebhookIT.assertProblem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.newsroom.query.FeedContext;
import org.newsroom.query.Integrator;

import com.fasterxml.jackson.databind.JsonNode;

/** Delivery progress lives in MongoDB: a restart during retries resumes them; a changed target rule is applied. */
class WebhookRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String[] FAST_RETRIES = {
        "newsroom.webhooks.retry.initial-interval=200ms",
        "newsroom.webhooks.retry.multiplier=1",
        "newsroom.webhooks.retry.max-attempts=50",
        "newsroom.webhooks.timeout=2s"
    };

    @Test
    void aRestartDuringRetriesResumesDeliveryWhereItStoodAndARefusedTargetGetsNothing() throws Exception {
        Path dataDir = Files.createTempDirectory("webhook-restart-it");
        String id;
        String secret;
        long start;
        String firstEventId;
        try (Receiver receiver = new Receiver().answerAlways(503)) {
            try (FeedContext first = new FeedContext(dataDir, allowPrivate(true))) {
                Integrator integrator = first.integrator();
                JsonNode created = integrator
                        .post("/api/webhooks", "{\"url\": \"" + receiver.url() + "\"}")
                        .json();
                id = created.get("id").asText();
                secret = created.get("secret").asText();
                start = created.get("position").asLong();
                for (int i = 0; i < 3; i++) {
                    first.articles().draft("restart-" + i);
                }
                await().atMost(PATIENCE).until(() -> receiver.deliveries().size() >= 2);
                firstEventId = receiver.deliveries().get(0).webhookId();
            }
            int failedBeforeRestart = receiver.deliveries().size();
            receiver.answerAlways(200);

            try (FeedContext second = new FeedContext(dataDir, allowPrivate(true))) {
                Integrator integrator = second.integrator();
                await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 3);

                assertThat(receiver.accepted())
                        .extracting(Receiver.Delivery::position)
                        .containsExactlyElementsOf(LongStream.rangeClosed(start + 1, start + 3)
                                .boxed()
                                .toList());
                assertThat(receiver.accepted().get(0).webhookId()).isEqualTo(firstEventId);
                for (Receiver.Delivery delivery : receiver.deliveries()) {
                    assertThatCode(() -> delivery.verify(secret)).doesNotThrowAnyException();
                }
                JsonNode attempts = integrator
                        .get("/api/webhooks/" + id + "/deliveries")
                        .json()
                        .get("items");
                JsonNode firstAccepted = attempts.get(2);
                assertThat(firstAccepted.get("outcome").asText()).isEqualTo("delivered");
                assertThat(firstAccepted.get("attempt").asInt())
                        .as("attempts are counted across the restart")
                        .isEqualTo(failedBeforeRestart + 1);
                assertThat(integrator
                                .get("/api/webhooks/" + id)
                                .json()
                                .get("position")
                                .asLong())
                        .isEqualTo(start + 3);
            }

            try (FeedContext strict = new FeedContext(dataDir, allowPrivate(false))) {
                Integrator integrator = strict.integrator();
                assertProblem(
                        integrator.post("/api/webhooks", "{\"url\": \"" + receiver.url() + "\"}"),
                        400,
                        "webhook-target-refused");
                assertProblem(
                        integrator.post("/api/webhooks", "{\"url\": \"http://169.254.169.254/latest\"}"),
                        400,
                        "webhook-target-refused");

                strict.articles().draft("restart-refused");
                await().atMost(PATIENCE)
                        .until(() -> integrator
                                .get("/api/webhooks/" + id + "/deliveries")
                                .json()
                                .get("items")
                                .get(0)
                                .get("outcome")
                                .asText()
                                .equals("refused"));
                JsonNode refused = integrator
                        .get("/api/webhooks/" + id + "/deliveries")
                        .json()
                        .get("items")
                        .get(0);
                assertThat(refused.get("position").asLong()).isEqualTo(start + 4);
                assertThat(refused.get("error").asText()).contains("internal address");
                assertThat(refused.has("statusCode")).isFalse();
                assertThat(receiver.accepted()).hasSize(3);
            }
        }
    }

    private static String[] allowPrivate(boolean allow) {
        List<String> properties = new java.util.ArrayList<>(List.of(FAST_RETRIES));
        properties.add("newsroom.webhooks.allow-private-targets=" + allow);
        return properties.toArray(String[]::new);
    }
}
