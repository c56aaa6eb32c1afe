package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.testing.ApiResponse;

/** {@code GET /api/me}: how a client such as the web UI learns who signed in and what they may do. */
class CurrentUserIT extends CommandApiTestBase {

    @Test
    void eachDemoUserLearnsTheirNameAndRole() {
        for (String user : List.of("reporter", "editor", "auditor", "integrator", "operator")) {
            ApiResponse me = api.as(user).get("/api/me");

            assertThat(me.status()).as("%s", me).isEqualTo(200);
            assertThat(me.json().path("name").asText()).isEqualTo(user);
            assertThat(me.json().path("roles"))
                    .extracting(node -> node.asText())
                    .containsExactly(user);
        }
    }

    @Test
    void wrongCredentialsAndNoCredentialsAreProblems() {
        assertProblem(api.get("/api/me"), 401, "unauthenticated");
        assertProblem(api.as("editor", "not-the-password").get("/api/me"), 401, "unauthenticated");
    }
}
