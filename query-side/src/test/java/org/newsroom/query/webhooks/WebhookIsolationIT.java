package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.query.Integrator;

/** One slow or dead endpoint never delays another: each subscription is delivered on its own. */
class WebhookIsolationIT {

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        closing.add(0, closeable);
        return closeable;
    }

    @Test
    void eightEndpointsThatNeverAnswerDoNotDelayAHealthyOne() throws Exception {
        EmbeddedMongoServer mongo = closeLater(EmbeddedMongoServer.startInMemory());
        Instance instance = closeLater(new Instance(mongo.connectionString() + "/isolation"));
        Integrator integrator = instance.integrator();
        List<String> silentHooks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ServerSocket silent = closeLater(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            silentHooks.add(register(integrator, "http://127.0.0.1:" + silent.getLocalPort() + "/never-answers"));
        }
        Receiver healthy = closeLater(new Receiver());
        register(integrator, healthy.url().toString());

        for (int i = 0; i < 4; i++) {
            long recorded = System.nanoTime();
            instance.articles().draft("isolated-" + i);
            int expected = i + 1;
            await().atMost(Duration.ofSeconds(5)).until(() -> healthy.accepted().size() == expected);

            Receiver.Delivery delivery = healthy.accepted().get(i);
            assertThat(Duration.ofNanos(delivery.arrivedNanos() - recorded))
                    .as("event %d reached the healthy endpoint while eight others hang for 10 s each", i)
                    .isLessThan(Duration.ofSeconds(3));
        }
        assertThat(instance.dispatcher().held()).hasSize(9);
        for (String silent : silentHooks) {
            assertThat(integrator
                            .get("/api/webhooks/" + silent + "/deliveries")
                            .json()
                            .get("items"))
                    .as("the first attempt at a silent endpoint is still waiting for its answer")
                    .isEmpty();
        }
    }

    private static String register(Integrator integrator, String url) {
        Integrator.Response response = integrator.post("/api/webhooks", "{\"url\": \"" + url + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }
}
