package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.newsroom.query.Articles;
import org.newsroom.query.FeedTestApplication;
import org.newsroom.query.Integrator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Measures, by hand, the time from a publish command's answer to its webhook's arrival: 100 publishes, one after the
 * other, after 5 unmeasured ones. Run with
 * {@code ./mvnw -B -pl query-side -am verify -Dtest=none -Dit.test=WebhookLatencyBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(
        classes = FeedTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "newsroom.webhooks.allow-private-targets=true")
class WebhookLatencyBenchmark {

    private static final int WARM_UP = 5;
    private static final int MEASURED = 100;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("webhook-latency");
        registry.add("newsroom.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Test
    void fromAPublishCommandsAnswerToItsWebhook() throws Exception {
        Articles articles = new Articles(commands);
        Integrator integrator = new Integrator(port);
        List<Double> millis = new ArrayList<>();
        try (Receiver receiver = new Receiver()) {
            JsonNode hook = integrator
                    .post(
                            "/api/webhooks",
                            "{\"url\": \"" + receiver.url() + "\", \"types\": [\"news.article.published.v1\"]}")
                    .json();
            for (int i = 0; i < WARM_UP + MEASURED; i++) {
                String id = "latency-" + i;
                articles.draft(id);
                articles.assignByline(id);
                int before = receiver.deliveries().size();
                articles.publish(id);
                long answered = System.nanoTime();
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> receiver.deliveries().size() == before + 1);
                Receiver.Delivery delivery = receiver.deliveries().get(before);
                assertThat(delivery.json().get("subject").asText()).isEqualTo(id);
                assertThatCode(() -> delivery.verify(hook.get("secret").asText()))
                        .doesNotThrowAnyException();
                if (i >= WARM_UP) {
                    millis.add((delivery.arrivedNanos() - answered) / 1_000_000.0);
                }
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(
                Locale.ROOT,
                "publish answer -> webhook arrival over %d publishes: median %.2f ms, "
                        + "p90 %.2f ms, min %.2f ms, max %.2f ms%n",
                sorted.size(),
                percentile(sorted, 50),
                percentile(sorted, 90),
                sorted.get(0),
                sorted.get(sorted.size() - 1));
        assertThat(sorted).hasSize(MEASURED);
    }

    private static double percentile(List<Double> sorted, int percent) {
        double rank = percent / 100.0 * (sorted.size() - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (rank - low);
    }
}
