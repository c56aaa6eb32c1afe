package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.web.StoryApi.json;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.newsroom.command.CommandSideApplication;
import org.newsroom.testing.ApiClient;
import org.newsroom.testing.ApiResponse;
import org.newsroom.testing.TempDirs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoDatabase;

/** The stored first answer outlives the application: a retry after a restart still gets it. */
class IdempotencyRestartIT {

    private final Path dataDir = TempDirs.create("newsroom-idempotency-restart");

    @Test
    void aRetryAfterARestartGetsTheFirstAnswerAndRecordsNothing() {
        String body = json(StoryApi.draftBody());
        ApiResponse first;
        try (ConfigurableApplicationContext app = start()) {
            first = client(app).post("/api/articles", body, "Idempotency-Key", "restart-1");
            assertThat(first.status()).isEqualTo(201);
        }

        try (ConfigurableApplicationContext app = start()) {
            long events =
                    app.getBean(MongoDatabase.class).getCollection("events").countDocuments();

            ApiResponse retry = client(app).post("/api/articles", body, "Idempotency-Key", "restart-1");

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(app.getBean(MongoDatabase.class).getCollection("events").countDocuments())
                    .isEqualTo(events);
        }
    }

    private ConfigurableApplicationContext start() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties(
                        "server.port=0",
                        "newsroom.data-dir=" + dataDir,
                        "newsroom.security.bcrypt-strength=4",
                        "spring.main.banner-mode=off")
                .run();
    }

    private static ApiClient client(ConfigurableApplicationContext app) {
        return ApiClient.on(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")))
                .as("reporter");
    }
}
