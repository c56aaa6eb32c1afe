package org.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Scenario 2: kill -9 between an append and its projection, and between a projection's write and its token update,
 * from the outside: many kills, half of them the instant a write is acknowledged (its events are stored, the
 * projections have most likely not written them yet), half at random moments under load. After every kill the
 * clients pause until the restarted process has caught up, so that every kill starts afresh; before the restart, the
 * data directory tells where the kill landed: a projection whose stored token is behind the log's
 * head was killed between append and projection; a projection whose documents hold an event beyond its stored token
 * was killed between its write and its token update. The run goes on until both windows were hit (at least
 * {@code MIN_KILLS} kills, at most {@code MAX_KILLS}); then I3–I5 (and the rest of I1–I6).
 */
class KillBetweenWritesIT {

    private static final String SCENARIO = "scenario 2: kill -9 between the writes";
    private static final int MIN_KILLS = Scenarios.LONG ? 20 : 4;
    private static final int MAX_KILLS = Scenarios.LONG ? 40 : 16;
    private static final String APPEND_PROJECTION = "between append and projection";
    private static final String WRITE_TOKEN = "between projection write and token";

    @Test
    void killsBetweenAppendAndProjectionAndBetweenWriteAndTokenLoseNothing() {
        Path dataDir = Scenarios.dataDir("kill-between-writes");
        Ledger ledger = new Ledger();
        List<String> landings = new ArrayList<>();
        Map<String, Integer> hits = new java.util.TreeMap<>(Map.of(APPEND_PROJECTION, 0, WRITE_TOKEN, 0));
        try (ForkedNewsroom newsroom = new ForkedNewsroom(dataDir).start()) {
            Http http = new Http(newsroom);
            try (Newsdesk desk = new Newsdesk(http, ledger, newsroom, 8).start()) {
                for (int kill = 1; kill <= MAX_KILLS; kill++) {
                    boolean afterAck = kill % 2 == 1;
                    long began = System.nanoTime();
                    if (afterAck) {
                        killTheMomentAWriteIsAcknowledged(newsroom, ledger);
                    } else {
                        killAtARandomMoment(newsroom, ledger);
                    }
                    long lived = (System.nanoTime() - began) / 1_000_000;
                    desk.pause();
                    Landing landing = inspect(dataDir, hits);
                    landings.add("kill " + kill + (afterAck ? " (on an acknowledgement" : " (at random") + ", " + lived
                            + " ms after the projections had caught up): " + landing.description());
                    newsroom.start();
                    awaitProjectionsAt(http, landing.head());
                    desk.resume();
                    if (kill >= MIN_KILLS && hits.values().stream().allMatch(count -> count > 0)) {
                        break;
                    }
                }
                int afterLast = ledger.acks().size() + 20;
                await().atMost(Duration.ofSeconds(120))
                        .until(() -> ledger.acks().size() >= afterLast);
                desk.stop();
                Invariants.Report report = new Invariants(http, ledger).check(SCENARIO);
                landings.forEach(landing -> Scenarios.report(SCENARIO, landing));
                Scenarios.report(
                        SCENARIO,
                        desk.stories() + " stories, " + Scenarios.describe(ledger) + "; " + newsroom.kills()
                                + " kills landed " + hits + "; " + Scenarios.describeStartups(newsroom));
                desk.unexpectedAnswers().forEach(answer -> report.violation("client", answer));
                report.assertClean();
                assertThat(hits)
                        .as("kills that landed in each window")
                        .allSatisfy(
                                (window, count) -> assertThat(count).as(window).isPositive());
            }
        }
    }

    /** Arms a trigger that kills the process from the client's thread right after it reads an acknowledgement. */
    private static void killTheMomentAWriteIsAcknowledged(ForkedNewsroom newsroom, Ledger ledger) {
        int target = ledger.acks().size() + 5 + ThreadLocalRandom.current().nextInt(25);
        await().atMost(Duration.ofSeconds(120)).until(() -> ledger.acks().size() >= target);
        int killsBefore = newsroom.kills();
        AtomicBoolean armed = new AtomicBoolean(true);
        ledger.onAcknowledged(ack -> {
            if (armed.compareAndSet(true, false)) {
                newsroom.kill9();
            }
        });
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> newsroom.kills() > killsBefore);
        } finally {
            ledger.onAcknowledged(null);
        }
    }

    private static void killAtARandomMoment(ForkedNewsroom newsroom, Ledger ledger) {
        int target = ledger.acks().size() + 5 + ThreadLocalRandom.current().nextInt(40);
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(1 + ThreadLocalRandom.current().nextInt(150)))
                .until(() -> ledger.acks().size() >= target);
        newsroom.kill9();
    }

    private record Landing(long head, String description) {}

    /** Lets the restarted process catch up with everything the killed one stored, so the next kill starts afresh. */
    private static void awaitProjectionsAt(Http http, long head) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    for (var projection :
                            http.getJson("/actuator/projections", "operator").path("projections")) {
                        if (projection.path("position").asLong() < head) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** Where the kill left each projection, as the data directory shows it. */
    private static Landing inspect(Path dataDir, Map<String, Integer> hits) {
        try (DataDirectory disk = DataDirectory.open(dataDir)) {
            long head = disk.head();
            Map<String, DataDirectory.ProjectionOnDisk> projections = disk.projections();
            boolean behind = projections.values().stream().anyMatch(projection -> projection.token() < head);
            boolean beyond = projections.values().stream().anyMatch(DataDirectory.ProjectionOnDisk::writtenBeyondToken);
            if (behind) {
                hits.merge(APPEND_PROJECTION, 1, Integer::sum);
            }
            if (beyond) {
                hits.merge(WRITE_TOKEN, 1, Integer::sum);
            }
            return new Landing(
                    head,
                    "log head " + head + ", "
                            + projections.values().stream()
                                    .map(projection -> projection.name() + " token " + projection.token()
                                            + " documents up to " + projection.documents())
                                    .collect(Collectors.joining(", ")));
        }
    }
}
