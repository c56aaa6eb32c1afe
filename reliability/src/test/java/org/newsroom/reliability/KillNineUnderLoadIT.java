package org.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/**
 * Scenario 1: kill -9 under load. Eight clients draft, revise, photograph, byline, publish, correct, unpublish and
 * kill stories while the process is killed with SIGKILL at random moments and restarted on the same data directory;
 * an SSE subscriber and a webhook receiver stay subscribed throughout. Then I1–I6, and, once the process is gone,
 * the data directory itself: every acknowledged write at its position, positions gap-free.
 */
class KillNineUnderLoadIT {

    private static final String SCENARIO = "scenario 1: kill -9 under load";
    private static final int CLIENTS = 8;

    @Test
    void killNineUnderLoadLosesNothingAcknowledgedAndBreaksNoInvariant() {
        int kills = Scenarios.LONG ? 12 : 5;
        Path dataDir = Scenarios.dataDir("kill-nine-under-load");
        Ledger ledger = new Ledger();
        try (ForkedNewsroom newsroom = new ForkedNewsroom(
                                dataDir,
                                "--newsroom.webhooks.allow-private-targets=true",
                                "--newsroom.webhooks.retry.initial-interval=200ms")
                        .start();
                WebhookReceiver receiver = new WebhookReceiver("receiver", WebhookReceiver.accepting())) {
            Http http = new Http(newsroom);
            Invariants.Hook hook = Scenarios.register(http, receiver, Duration.ofSeconds(15), true);
            try (SseSubscriber stream = new SseSubscriber(http, newsroom, 0);
                    Newsdesk desk = new Newsdesk(http, ledger, newsroom, CLIENTS).start()) {
                for (int kill = 1; kill <= kills; kill++) {
                    int before = ledger.acks().size();
                    int target = before + 10 + ThreadLocalRandom.current().nextInt(Scenarios.LONG ? 80 : 30);
                    await().atMost(Duration.ofSeconds(120))
                            .until(() -> ledger.acks().size() >= target);
                    newsroom.kill9();
                    newsroom.start();
                }
                int afterLast = ledger.acks().size() + 20;
                await().atMost(Duration.ofSeconds(120))
                        .until(() -> ledger.acks().size() >= afterLast);
                desk.stop();
                Invariants.Report report = new Invariants(http, ledger)
                        .stream(stream, 0).webhook(hook).check(SCENARIO);
                Scenarios.report(
                        SCENARIO,
                        CLIENTS + " clients, " + desk.stories() + " stories, "
                                + Scenarios.describe(ledger) + "; " + newsroom.kills() + " kills; "
                                + stream.connections() + " SSE connections; " + Scenarios.describeStartups(newsroom));
                desk.unexpectedAnswers().forEach(answer -> report.violation("client", answer));
                report.assertClean();
            }
            newsroom.stop();
        }
        assertTheDiskHoldsEveryAcknowledgedWrite(dataDir, ledger);
    }

    private static void assertTheDiskHoldsEveryAcknowledgedWrite(Path dataDir, Ledger ledger) {
        try (DataDirectory disk = DataDirectory.open(dataDir)) {
            List<Long> positions = new ArrayList<>(disk.positions());
            Collections.sort(positions);
            assertThat(positions)
                    .as("positions on disk")
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, positions.size()).boxed().toList());
            assertThat(positions)
                    .containsAll(
                            ledger.acks().stream().map(Ledger.Ack::position).toList());
            Scenarios.report(
                    SCENARIO,
                    "on disk after the last stop: " + positions.size()
                            + " positions, gap-free, every acknowledged one present");
        }
    }
}
