package org.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scenario 4: a poison event. One article is drafted, then the process runs with the test fault
 * {@code newsroom.faults.poison-article} naming it ({@link org.newsroom.reliability.faults.PoisonedArticle}, on the
 * loader path of every start of this scenario): every live projection fails on its events. Its next writes are
 * acknowledged (the log takes them) and parked in each projection's dead-letter queue, in order, while other clients'
 * articles keep flowing through the same projections. The process then runs without the fault; one more write of the
 * article is parked behind the others (its sequence is still parked); a retry through
 * {@code POST /actuator/projections/{name}/dead-letters} processes the whole sequence, in order. Then I1–I6.
 */
class PoisonEventIT {

    private static final String SCENARIO = "scenario 4: poison event";

    @Test
    void aPoisonedArticleIsParkedWhileOthersFlowAndIsRetriedInOrder() {
        Path dataDir = Scenarios.dataDir("poison-event");
        Ledger ledger = new Ledger();
        try (ForkedNewsroom newsroom = new ForkedNewsroom(dataDir).withFaults().start()) {
            Http http = new Http(newsroom);
            Http.Reply drafted = write(
                    http,
                    ledger,
                    "DraftArticle",
                    "POST",
                    "/api/articles",
                    "reporter",
                    Map.of("headline", "Poisoned v1", "body", "<p>The article every projection chokes on.</p>"),
                    null);
            String poisoned = drafted.json().path("id").asText();
            String article = "/api/articles/" + poisoned;

            newsroom.withArguments("--newsroom.faults.poison-article=" + poisoned)
                    .restart();
            List<Long> parked = new ArrayList<>();
            try (Newsdesk desk = new Newsdesk(http, ledger, newsroom, 4).start()) {
                parked.add(write(
                                http,
                                ledger,
                                "ReviseArticle",
                                "PATCH",
                                article,
                                "reporter",
                                Map.of("headline", "Poisoned v2"),
                                poisoned)
                        .position());
                parked.add(write(
                                http,
                                ledger,
                                "AttachPhoto",
                                "POST",
                                article + "/photos",
                                "reporter",
                                Map.of(
                                        "uri",
                                        "https://images.example.com/poison.jpg",
                                        "caption",
                                        "Poison",
                                        "credit",
                                        "Reliability/AFP"),
                                poisoned)
                        .position());
                parked.add(write(
                                http,
                                ledger,
                                "AssignByline",
                                "PUT",
                                article + "/byline",
                                "reporter",
                                Map.of("bylines", List.of(Map.of("name", "Reporter P"))),
                                poisoned)
                        .position());
                parked.add(write(
                                http,
                                ledger,
                                "PublishArticle",
                                "POST",
                                article + "/publish",
                                "editor",
                                Map.of("withoutReview", "Agency copy"),
                                poisoned)
                        .position());
                parked.add(write(
                                http,
                                ledger,
                                "ReviseArticle",
                                "PATCH",
                                article,
                                "editor",
                                Map.of("headline", "Poisoned v3"),
                                poisoned)
                        .position());
                parked.add(write(
                                http,
                                ledger,
                                "PublishArticle",
                                "POST",
                                article + "/publish",
                                "editor",
                                Map.of("changeKind", "correction", "note", "The headline was wrong."),
                                poisoned)
                        .position());

                for (String projection : projections(http)) {
                    await().atMost(Duration.ofSeconds(60))
                            .untilAsserted(() -> assertThat(parkedPositions(http, projection, poisoned))
                                    .as(projection)
                                    .isEqualTo(parked));
                }
                int flowing = ledger.acks().size() + 30;
                await().atMost(Duration.ofSeconds(120))
                        .until(() -> ledger.acks().size() >= flowing);
                desk.stop();
                assertOthersFlow(http, ledger, poisoned);
                assertThat(http.getJson(article + "?atLeast=" + parked.get(parked.size() - 1), "editor")
                                .path("version")
                                .asLong())
                        .as("the parked article's editorial copy")
                        .isEqualTo(1);
                Scenarios.report(
                        SCENARIO,
                        "with the fault on: " + parked.size() + " writes of the poisoned article"
                                + " parked in site, editorial and audit; " + desk.stories()
                                + " other stories kept flowing");
            }

            newsroom.withArguments().restart();
            parked.add(write(
                            http,
                            ledger,
                            "ReviseArticle",
                            "PATCH",
                            article,
                            "reporter",
                            Map.of("headline", "Poisoned v4"),
                            poisoned)
                    .position());
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(parkedPositions(http, "editorial", poisoned))
                            .isEqualTo(parked));
            for (String projection : projections(http)) {
                JsonNode retried = http.post("/actuator/projections/" + projection + "/dead-letters", "operator", null)
                        .json();
                assertThat(retried.path("succeeded").asLong())
                        .as("%s: %s", projection, retried)
                        .isEqualTo(1);
                assertThat(retried.path("stillParked").asLong())
                        .as("%s: %s", projection, retried)
                        .isZero();
                assertThat(parkedPositions(http, projection, poisoned)).isEmpty();
            }
            assertProcessedInOrder(http, poisoned, parked);
            Scenarios.report(
                    SCENARIO,
                    "without the fault: " + parked.size() + " parked events retried in order"
                            + " in site, editorial and audit; " + Scenarios.describe(ledger));

            Invariants.Report report = new Invariants(http, ledger).check(SCENARIO);
            report.assertClean();
        }
    }

    private static Http.Reply write(
            Http http,
            Ledger ledger,
            String command,
            String method,
            String path,
            String user,
            Map<String, Object> body,
            String articleId) {
        String correlation = "op-poison-" + ledger.attemptedCount();
        ledger.attempted();
        Http.Call call = http.call(method, path).as(user).correlation(correlation);
        if (body != null) {
            call.json(body);
        }
        Http.Reply reply = call.send();
        assertThat(reply.ok()).as("%s: %s", command, reply).isTrue();
        String id = articleId != null ? articleId : reply.json().path("id").asText();
        ledger.acknowledged(new Ledger.Ack(command, id, reply.etagVersion(), reply.position(), correlation, null));
        return reply;
    }

    /** Every live projection, the media library's included: each one handles the article's events. */
    private static List<String> projections(Http http) {
        List<String> names = new ArrayList<>();
        http.getJson("/actuator/projections", "operator")
                .path("projections")
                .fieldNames()
                .forEachRemaining(names::add);
        return names;
    }

    private static List<Long> parkedPositions(Http http, String projection, String articleId) {
        List<Long> positions = new ArrayList<>();
        for (JsonNode letter : http.getJson("/actuator/projections/" + projection + "/dead-letters", "operator")
                .path("deadLetters")) {
            assertThat(letter.path("articleId").asText()).as("a parked article").isEqualTo(articleId);
            if (positions.isEmpty()) {
                assertThat(letter.path("cause").asText())
                        .as("why the first was parked")
                        .contains("fails on purpose");
            }
            positions.add(letter.path("position").asLong());
        }
        return positions;
    }

    /** The other articles' latest acknowledged writes are projected, and nothing of theirs is parked. */
    private static void assertOthersFlow(Http http, Ledger ledger, String poisoned) {
        List<Ledger.Ack> others = ledger.acks().stream()
                .filter(ack -> !ack.articleId().equals(poisoned))
                .toList();
        assertThat(others).hasSizeGreaterThan(30);
        Ledger.Ack last = others.get(others.size() - 1);
        JsonNode editorial =
                http.getJson("/api/articles/" + last.articleId() + "?atLeast=" + last.position(), "editor");
        assertThat(editorial.path("version").asLong()).isGreaterThanOrEqualTo(last.version());
        JsonNode projections = http.getJson("/actuator/projections", "operator").path("projections");
        projections.forEach(projection ->
                assertThat(projection.path("parkedArticles").asLong()).isEqualTo(1));
    }

    /** The audit trail shows every parked event once, in order, each change computed from the one before. */
    private static void assertProcessedInOrder(Http http, String poisoned, List<Long> parked) {
        JsonNode history = http.getJson("/audit/articles/" + poisoned + "/history", "auditor")
                .path("entries");
        List<Long> positions = new ArrayList<>();
        List<String[]> headlines = new ArrayList<>();
        history.forEach(entry -> {
            positions.add(entry.path("position").asLong());
            entry.path("changes").forEach(change -> {
                if (change.path("field").asText().equals("headline")) {
                    headlines.add(new String[] {
                        change.path("from").asText(null), change.path("to").asText()
                    });
                }
            });
        });
        assertThat(positions.subList(1, positions.size())).isEqualTo(parked);
        for (int i = 1; i < headlines.size(); i++) {
            assertThat(headlines.get(i)[0])
                    .as("headline change %d starts where the one before ended", i)
                    .isEqualTo(headlines.get(i - 1)[1]);
        }
        assertThat(headlines.get(headlines.size() - 1)[1]).isEqualTo("Poisoned v4");
        JsonNode editorial = http.getJson("/api/articles/" + poisoned, "editor");
        assertThat(editorial.path("version").asLong()).isEqualTo(parked.size() + 1);
        assertThat(editorial.path("headline").asText()).isEqualTo("Poisoned v4");
    }
}
