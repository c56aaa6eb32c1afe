package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.query.FeedContext;
import org.newsroom.query.FeedTestApplication;
import org.newsroom.query.Integrator;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/** Signing secrets at rest: sealed under a key kept outside the database, and nothing lost on upgrade. */
class WebhookSecretsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void theEmbeddedDefaultSealsSecretsUnderAnOwnerOnlyKeyFileAndSealsThoseAnEarlierVersionStoredInClear()
            throws Exception {
        Path dataDir = Files.createTempDirectory("webhook-secrets-it");
        String legacySecret =
                "whsec_" + Base64.getEncoder().encodeToString("an earlier version's secret....".getBytes());
        String restartSecret =
                "whsec_" + Base64.getEncoder().encodeToString("stored in clear, sealed at start".getBytes());
        try (Receiver receiver = new Receiver()) {
            try (FeedContext first = new FeedContext(dataDir, "newsroom.webhooks.allow-private-targets=true")) {
                Path keyFile = dataDir.resolve("webhook-secret.key");
                assertThat(keyFile).isRegularFile();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                        .isEqualTo("rw-------");
                Integrator integrator = first.integrator();
                JsonNode registered = integrator
                        .post("/api/webhooks", "{\"url\": \"" + receiver.url() + "\"}")
                        .json();
                String secret = registered.get("secret").asText();
                MongoCollection<Document> raw = first.bean(MongoDatabase.class).getCollection("webhook_subscriptions");

                Document stored = raw.find(
                                new Document("_id", registered.get("id").asText()))
                        .first();
                assertThat(stored.toJson()).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()));
                assertThat(stored.getString("sealedSecret")).startsWith("aesgcm1:");
                assertThat(stored).doesNotContainKey("secret");
                assertThat(Files.readString(keyFile).trim()).isNotEmpty();

                long head = first.bean(EventLogStorageEngine.class).headPosition();
                raw.insertOne(legacy("wh_legacy", receiver, legacySecret, head));
                assertThat(integrator.get("/api/webhooks/wh_legacy").status()).isEqualTo(200);
                Document sealedOnRead =
                        raw.find(new Document("_id", "wh_legacy")).first();
                assertThat(sealedOnRead).doesNotContainKey("secret");
                assertThat(sealedOnRead.toJson()).doesNotContain(legacySecret.substring("whsec_".length()));
                raw.insertOne(legacy("wh_restart", receiver, restartSecret, head));
            }

            try (FeedContext second = new FeedContext(dataDir, "newsroom.webhooks.allow-private-targets=true")) {
                MongoCollection<Document> raw = second.bean(MongoDatabase.class).getCollection("webhook_subscriptions");
                assertThat(raw.find(new Document("secret", new Document("$exists", true))))
                        .as("no secret in clear after a start")
                        .isEmpty();
                second.articles().draft("sealed-secrets");

                await().atMost(PATIENCE).until(() -> receiver.accepted().size() == 3);
                assertThat(receiver.accepted())
                        .anySatisfy(delivery -> assertThatCode(() -> delivery.verify(legacySecret))
                                .doesNotThrowAnyException())
                        .anySatisfy(delivery -> assertThatCode(() -> delivery.verify(restartSecret))
                                .doesNotThrowAnyException());
            }
        }
    }

    @Test
    void withAMongoDbOfOnesOwnAndNoKeyTheApplicationDoesNotStart() {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.startInMemory()) {
            SpringApplicationBuilder withoutKey = new SpringApplicationBuilder(FeedTestApplication.class)
                    .properties(
                            "newsroom.mongodb.uri=" + mongo.connectionString() + "/no-key",
                            "server.port=0",
                            "spring.main.banner-mode=off",
                            "newsroom.users[0].name=integrator",
                            "newsroom.users[0].password={noop}newsroom",
                            "newsroom.users[0].roles=integrator");

            assertThatThrownBy(withoutKey::run)
                    .rootCause()
                    .hasMessageContaining("NEWSROOM_WEBHOOK_KEY")
                    .hasMessageContaining("no key is configured");
        }
    }

    /** A subscription as the release before sealed secrets stored it: no owner, the secret in clear. */
    private static Document legacy(String id, Receiver receiver, String secret, long position) {
        Date now = new Date();
        return new Document("_id", id)
                .append("url", receiver.url().toString())
                .append("types", java.util.List.of())
                .append("secret", secret)
                .append("state", "ACTIVE")
                .append("position", position)
                .append("attempts", 0)
                .append("nextAttemptAt", null)
                .append("lastError", null)
                .append("createdAt", now)
                .append("stateChangedAt", now)
                .append("generation", 0L)
                .append("attemptsLogged", 0L);
    }
}
