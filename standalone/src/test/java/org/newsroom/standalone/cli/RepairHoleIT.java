package org.newsroom.standalone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.newsroom.standalone.NewsroomApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A hole made in a stopped data directory (a commit document deleted), filled with {@code repair-hole}: Newsroom
 * started on it reads past the gap everywhere, and the gap commit is in the feed as an event of the log of its own.
 */
@SpringBootTest(
        classes = NewsroomApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"newsroom.security.bcrypt-strength=4", "spring.main.banner-mode=off"})
class RepairHoleIT {

    private static String repairOutput;

    @DynamicPropertySource
    static void repairedDataDirectory(DynamicPropertyRegistry properties) throws IOException {
        Path dataDir = Files.createTempDirectory("newsroom-repaired").resolve("data");
        CommandsIT.write(dataDir, 3);
        CommandsIT.deleteCommit(dataDir, 4);
        CommandsIT.Outcome repaired = CommandsIT.run(
                dataDir, "repair-hole", "--position", "4", "--reason", "the restore missed it", "--actor", "ops");
        assertThat(repaired.exitCode()).as(repaired.err()).isZero();
        repairOutput = repaired.out();
        properties.add("newsroom.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void readersPassTheGapAndTheFeedCarriesItAsTheLogsOwnEvent() {
        AppHttp http = new AppHttp(port);
        assertThat(repairOutput).contains("Filled positions 4-4");

        JsonNode gap = http.json("integrator", "/feed/events?after=3&limit=1")
                .path("events")
                .get(0);
        assertThat(gap.path("type").asText()).isEqualTo("news.log.gap.v1");
        assertThat(gap.path("source").asText()).isEqualTo("/log");
        assertThat(gap.path("subject").asText()).isEqualTo("log-gap-4");
        assertThat(gap.path("position").asLong()).isEqualTo(4);
        assertThat(gap.path("data").path("actor").asText()).isEqualTo("operator:ops");
        assertThat(gap.path("data").path("reason").asText()).isEqualTo("the restore missed it");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(
                        () -> assertThat(http.get("editor", "/api/articles/story-3?atLeast=6", "application/json")
                                        .statusCode())
                                .as("the editorial projection read past the gap")
                                .isEqualTo(200));
        for (String projection : new String[] {"site", "editorial", "audit"}) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(http.json("operator", "/actuator/projections/" + projection)
                                    .path("position")
                                    .asLong())
                            .as(projection)
                            .isGreaterThanOrEqualTo(6));
        }
        assertThat(http.json("operator", "/actuator/health")
                        .path("components")
                        .path("eventLog")
                        .path("status")
                        .asText())
                .isEqualTo("UP");
    }
}
