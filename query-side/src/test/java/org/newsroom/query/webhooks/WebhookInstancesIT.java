package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.query.Integrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;

/**
 * Several instances on one MongoDB: each subscription is delivered by the one instance holding its lease, another
 * takes over when that one dies, and a change made through any instance is acted on within seconds.
 */
class WebhookInstancesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String[] QUICK = {
        "newsroom.webhooks.lease=3s",
        "newsroom.webhooks.timeout=2s",
        "newsroom.webhooks.retry.initial-interval=100ms",
        "newsroom.webhooks.retry.multiplier=1",
        "newsroom.webhooks.retry.max-attempts=100"
    };

    private static EmbeddedMongoServer mongo;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private String uri;

    @BeforeAll
    static void startMongo() {
        mongo = EmbeddedMongoServer.startInMemory();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    private Instance instance(String... properties) {
        if (uri == null) {
            uri = mongo.connectionString() + "/newsroom-"
                    + UUID.randomUUID().toString().substring(0, 8);
        }
        List<String> all = new ArrayList<>(List.of(QUICK));
        all.addAll(List.of(properties));
        return closeLater(new Instance(uri, all.toArray(String[]::new)));
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        closing.add(0, closeable);
        return closeable;
    }

    @Test
    void twentyEventsWithThreeInstancesRunningAreDeliveredExactlyTwentyTimesToEachWebhook() throws Exception {
        Instance a = instance();
        Instance b = instance();
        Instance c = instance();
        List<Receiver> receivers = List.of(closeLater(new Receiver()), closeLater(new Receiver()));
        JsonNode first = register(a.integrator(), receivers.get(0));
        register(c.integrator(), receivers.get(1));
        long start = first.get("position").asLong();

        List<Instance> writers = List.of(a, b, c);
        for (int i = 0; i < 20; i++) {
            writers.get(i % 3).articles().draft("exactly-once-" + i);
        }

        for (Receiver receiver : receivers) {
            await().atMost(PATIENCE).until(() -> receiver.accepted().size() >= 20);
            await().during(Duration.ofSeconds(3))
                    .atMost(PATIENCE)
                    .until(() -> receiver.deliveries().size() == 20);
            assertThat(receiver.deliveries())
                    .extracting(Receiver.Delivery::position)
                    .containsExactlyElementsOf(LongStream.rangeClosed(start + 1, start + 20)
                            .boxed()
                            .toList());
        }
        long holders = writers.stream()
                .filter(instance -> !instance.dispatcher().held().isEmpty())
                .count();
        assertThat(holders).as("instances delivering").isBetween(1L, 2L);
        assertThat(writers.stream()
                        .mapToInt(instance -> instance.dispatcher().held().size())
                        .sum())
                .as("each webhook held by one instance")
                .isEqualTo(2);
    }

    @Test
    void whenTheInstanceDeliveringDiesAnotherTakesOverWithinTheLeaseRepeatingOnlyTheEventInFlight() throws Exception {
        Instance a = instance();
        Instance b = instance();
        Receiver receiver = closeLater(new Receiver().hold(6));
        JsonNode hook = register(a.integrator(), receiver);
        String id = hook.get("id").asText();
        long start = hook.get("position").asLong();
        await().atMost(PATIENCE)
                .until(() -> a.dispatcher().held().contains(id)
                        || b.dispatcher().held().contains(id));
        Instance owner = a.dispatcher().held().contains(id) ? a : b;
        Instance other = owner == a ? b : a;

        for (int i = 0; i < 20; i++) {
            other.articles().draft("takeover-" + i);
        }
        assertThat(receiver.awaitHeld(PATIENCE)).isTrue();
        long died = System.nanoTime();
        owner.bean(MongoClient.class).close();
        await().atMost(PATIENCE).until(() -> other.dispatcher().held().contains(id));
        receiver.release();
        await().atMost(PATIENCE).until(() -> receiver.accepted().size() >= 21);
        await().during(Duration.ofSeconds(2))
                .atMost(PATIENCE)
                .until(() -> receiver.deliveries().size() == 21);

        List<Receiver.Delivery> deliveries = receiver.deliveries();
        Map<Long, List<Receiver.Delivery>> byPosition =
                deliveries.stream().collect(Collectors.groupingBy(Receiver.Delivery::position));
        assertThat(byPosition.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(start + 1, start + 20).boxed().toList());
        assertThat(byPosition.get(start + 6))
                .as("the event in flight, delivered twice")
                .hasSize(2);
        assertThat(byPosition.get(start + 6))
                .extracting(Receiver.Delivery::webhookId)
                .as("under the same webhook-id")
                .containsOnly(byPosition.get(start + 6).get(0).json().get("id").asText());
        assertThat(byPosition.entrySet().stream()
                        .filter(entry -> entry.getKey() != start + 6)
                        .map(Map.Entry::getValue))
                .allSatisfy(once -> assertThat(once).hasSize(1));
        Receiver.Delivery firstAfterTakeover = deliveries.stream()
                .filter(delivery -> delivery.arrivedNanos() > died)
                .findFirst()
                .orElseThrow();
        assertThat(Duration.ofNanos(firstAfterTakeover.arrivedNanos() - died))
                .as("taken over within the lease (3 s) and a poll")
                .isLessThan(Duration.ofSeconds(8));
        JsonNode state = other.integrator().get("/api/webhooks/" + id).json();
        assertThat(state.get("position").asLong()).isEqualTo(start + 20);
    }

    @Test
    void aWebhookRegisteredOrRedeliveredThroughAnInstanceThatDoesNotDeliverIsDeliveredWithinSeconds() throws Exception {
        Instance delivering = instance();
        Instance apiOnly = instance("newsroom.webhooks.delivery-enabled=false");
        Receiver receiver = closeLater(new Receiver());

        JsonNode hook = register(apiOnly.integrator(), receiver);
        String id = hook.get("id").asText();
        long start = hook.get("position").asLong();
        long registered = System.nanoTime();
        apiOnly.articles().draft("through-api-only");

        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.accepted().size() == 1);
        assertThat(Duration.ofNanos(receiver.deliveries().get(0).arrivedNanos() - registered))
                .isLessThan(Duration.ofSeconds(5));
        assertThat(delivering.dispatcher().held()).containsExactly(id);
        assertThat(apiOnly.dispatcher().held()).isEmpty();

        Integrator.Response redelivered =
                apiOnly.integrator().post("/api/webhooks/" + id + "/redeliver?from=" + (start + 1), "");
        assertThat(redelivered.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.accepted().size() == 2);
        assertThat(receiver.accepted()).extracting(Receiver.Delivery::position).containsExactly(start + 1, start + 1);
        assertThat(apiOnly.dispatcher().held()).isEmpty();
    }

    private static JsonNode register(Integrator integrator, Receiver receiver) {
        Integrator.Response response = integrator.post("/api/webhooks", "{\"url\": \"" + receiver.url() + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
