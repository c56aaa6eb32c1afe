package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.query.QuerySideIT;
import org.newsroom.query.SampleStory;

import com.fasterxml.jackson.databind.JsonNode;

class OperationsIT extends QuerySideIT {

    @Test
    void theProjectionsReportTheirPositionLagAndParkedEvents() {
        long head = send("reporter", SampleStory.draft(new ArticleId("operations-lag")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode all = http.get("/actuator/projections", OPERATOR).json();
            for (String name : new String[] {"site", "editorial", "audit"}) {
                JsonNode projection = all.path("projections").path(name);
                assertThat(projection.path("position").asLong()).isGreaterThanOrEqualTo(head);
                assertThat(projection.path("lag").asLong()).isZero();
                assertThat(projection.path("parkedArticles").asLong()).isZero();
            }
        });
        String metrics = http.get("/actuator/prometheus", OPERATOR).body();
        assertThat(metrics)
                .contains(
                        "newsroom_projection_lag_events{projection=\"site\"} 0.0",
                        "newsroom_projection_lag_events{projection=\"editorial\"} 0.0",
                        "newsroom_projection_lag_events{projection=\"audit\"} 0.0");
        assertThat(http.get("/actuator/projections/editorial/dead-letters", OPERATOR)
                        .json()
                        .path("deadLetters"))
                .isEmpty();
        assertThat(http.get("/actuator/projections/feed", OPERATOR).status()).isEqualTo(404);
        assertThat(http.get("/actuator/projections/site/nothing", OPERATOR).status())
                .isEqualTo(404);
    }
}
