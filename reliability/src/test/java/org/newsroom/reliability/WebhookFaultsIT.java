package org.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scenario 5: webhook receivers that misbehave, on the JDK's HTTP server in the test JVM, while clients write: one
 * answers more slowly than the sender's timeout for a while, one answers 500 for a minute (20 s in the short suite),
 * one answers 410 Gone, one is healthy. The retry schedule is shrunk by configuration (200 ms, ×2, at most 4 s,
 * ± 20 % jitter) and checked attempt by attempt against the sender's own delivery log: never earlier than the
 * jittered backoff allows, never much later. 410 disables its webhook after one request. Nothing is lost: once they
 * recover, every active receiver has every event, in order, each signature verified with the Standard Webhooks
 * library (I1–I6 with these receivers).
 */
class WebhookFaultsIT {

    private static final String SCENARIO = "scenario 5: misbehaving webhook receivers";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration INITIAL = Duration.ofMillis(200);
    private static final double MULTIPLIER = 2;
    private static final Duration MAX_INTERVAL = Duration.ofSeconds(4);
    private static final double JITTER = 0.2;
    private static final Duration FAILING_FOR = Scenarios.LONG ? Duration.ofSeconds(60) : Duration.ofSeconds(20);
    private static final Duration SLOW_FOR = Scenarios.LONG ? Duration.ofSeconds(30) : Duration.ofSeconds(10);
    /** How late a retry may come after its jittered time on a loaded machine (timer and thread scheduling). */
    private static final Duration LATENESS = Duration.ofMillis(1_500);

    @Test
    void slowFailingAndGoneReceiversGetWhatTheScheduleAndTheirAnswersSay() {
        Path dataDir = Scenarios.dataDir("webhook-faults");
        Ledger ledger = new Ledger();
        try (ForkedNewsroom newsroom = new ForkedNewsroom(
                                dataDir,
                                "--newsroom.webhooks.allow-private-targets=true",
                                "--newsroom.webhooks.timeout=" + TIMEOUT.toMillis() + "ms",
                                "--newsroom.webhooks.retry.initial-interval=" + INITIAL.toMillis() + "ms",
                                "--newsroom.webhooks.retry.multiplier=" + MULTIPLIER,
                                "--newsroom.webhooks.retry.max-interval=" + MAX_INTERVAL.toMillis() + "ms",
                                "--newsroom.webhooks.retry.jitter=" + JITTER,
                                "--newsroom.webhooks.retry.max-attempts=60")
                        .start();
                WebhookReceiver healthy = new WebhookReceiver("healthy receiver", WebhookReceiver.accepting());
                WebhookReceiver slow = new WebhookReceiver(
                        "slow receiver", WebhookReceiver.slowFor(SLOW_FOR, TIMEOUT.multipliedBy(2)));
                WebhookReceiver failing =
                        new WebhookReceiver("failing receiver", WebhookReceiver.failingFor(FAILING_FOR, 500));
                WebhookReceiver gone = new WebhookReceiver("gone receiver", WebhookReceiver.gone())) {
            Http http = new Http(newsroom);
            Invariants.Hook healthyHook = Scenarios.register(http, healthy, TIMEOUT, true);
            Invariants.Hook slowHook = Scenarios.register(http, slow, TIMEOUT, true);
            Invariants.Hook failingHook = Scenarios.register(http, failing, TIMEOUT, true);
            Invariants.Hook goneHook = Scenarios.register(http, gone, TIMEOUT, false);
            Instant failingUntil = Instant.now().plus(FAILING_FOR);

            try (Newsdesk desk = new Newsdesk(http, ledger, newsroom, 2).start()) {
                await().atMost(FAILING_FOR.plusSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> Instant.now().isAfter(failingUntil));
                desk.stop();
                Scenarios.report(SCENARIO, desk.stories() + " stories, " + Scenarios.describe(ledger));
            }

            Invariants.Report report = new Invariants(http, ledger)
                    .webhook(healthyHook)
                    .webhook(slowHook)
                    .webhook(failingHook)
                    .webhook(goneHook)
                    .check(SCENARIO);

            JsonNode disabled = http.getJson("/api/webhooks/" + goneHook.id(), "integrator");
            assertThat(disabled.path("state").asText())
                    .as("the 410 webhook: %s", disabled)
                    .isEqualTo("disabled");
            assertThat(gone.deliveries()).as("requests to the 410 receiver").hasSize(1);
            checkSchedule(http, failingHook, report);
            checkSchedule(http, slowHook, report);
            for (Invariants.Hook hook : List.of(healthyHook, slowHook, failingHook, goneHook)) {
                Scenarios.report(
                        SCENARIO,
                        hook.receiver().name() + ": "
                                + hook.receiver().deliveries().size()
                                + " requests, state "
                                + http.getJson("/api/webhooks/" + hook.id(), "integrator")
                                        .path("state")
                                        .asText());
            }
            report.assertClean();
        }
    }

    /**
     * Every retry of the receiver's first event, as the sender logged it: the wait between the end of an attempt
     * and the start of the next is the backoff of that attempt, spread by the jitter; never less, and no more than a
     * loaded machine's lateness beyond it.
     */
    private static void checkSchedule(Http http, Invariants.Hook hook, Invariants.Report report) {
        List<JsonNode> attempts = attempts(http, hook.id());
        long first = attempts.stream()
                .mapToLong(attempt -> attempt.path("position").asLong())
                .min()
                .orElseThrow();
        List<JsonNode> retried = attempts.stream()
                .filter(attempt -> attempt.path("position").asLong() == first)
                .sorted(Comparator.comparingInt(
                        attempt -> attempt.path("attempt").asInt()))
                .toList();
        List<String> waits = new ArrayList<>();
        for (int i = 1; i < retried.size(); i++) {
            JsonNode previous = retried.get(i - 1);
            Instant ended = Instant.parse(previous.path("time").asText())
                    .plusMillis(previous.path("durationMillis").asLong());
            long waited = Duration.between(
                            ended, Instant.parse(retried.get(i).path("time").asText()))
                    .toMillis();
            long nominal = nominal(previous.path("attempt").asInt());
            long earliest = (long) (nominal * (1 - JITTER)) - 50;
            long latest = (long) (nominal * (1 + JITTER)) + LATENESS.toMillis();
            waits.add(waited + " ms (" + earliest + "-" + latest + ")");
            if (waited < earliest || waited > latest) {
                report.violation(
                        "schedule",
                        hook.receiver().name() + ": after attempt "
                                + previous.path("attempt").asInt() + " the sender waited " + waited
                                + " ms, the schedule says "
                                + nominal + " ms ± " + (int) (JITTER * 100) + " %");
            }
        }
        if (retried.size() < 3) {
            report.violation(
                    "schedule",
                    hook.receiver().name() + ": only " + retried.size() + " attempts at its first"
                            + " event; the fault did not last");
        }
        report.count("retries checked against the schedule", retried.size() - 1L);
        Scenarios.report(
                SCENARIO,
                hook.receiver().name() + ": " + retried.size() + " attempts at position " + first + ", waits " + waits);
    }

    /** The wait after failed attempt {@code attempt}: initial × multiplier^(attempt-1), at most the maximum. */
    private static long nominal(int attempt) {
        double millis = INITIAL.toMillis() * Math.pow(MULTIPLIER, attempt - 1);
        return (long) Math.min(millis, MAX_INTERVAL.toMillis());
    }

    private static List<JsonNode> attempts(Http http, String id) {
        List<JsonNode> attempts = new ArrayList<>();
        String before = "";
        while (true) {
            JsonNode page = http.getJson("/api/webhooks/" + id + "/deliveries?limit=500" + before, "integrator");
            page.path("items").forEach(attempts::add);
            if (!page.path("next").isNumber()) {
                return attempts;
            }
            before = "&before=" + page.path("next").asLong();
        }
    }
}
