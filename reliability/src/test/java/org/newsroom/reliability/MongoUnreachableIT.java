package org.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;

/**
 * Scenario 6: MongoDB unreachable. The jar runs against an external MongoDB ({@code MONGODB_URI}, with configured
 * users): our durable embedded server, started in the test JVM, behind a TCP proxy the test controls. While clients
 * write and a probe drafts an article every 300 ms, the database is taken away twice: refused (the server is down:
 * connections are closed and refused) and black-holed (a partition: connections stay open, nothing answers). During
 * each outage every write must fail fast (within {@value #FAIL_FAST_SECONDS} s) with 503 and a problem body, health
 * must say DOWN; nothing a 503 was given for may be in the log (nothing half-written); once the database is back,
 * writes succeed again. Then I1–I6.
 */
class MongoUnreachableIT {

    private static final String SCENARIO = "scenario 6: MongoDB unreachable";
    private static final Duration REFUSED = Scenarios.LONG ? Duration.ofSeconds(30) : Duration.ofSeconds(8);
    private static final Duration PARTITION = Scenarios.LONG ? Duration.ofSeconds(40) : Duration.ofSeconds(16);
    /** 3 s to find no server, doubled for a command that tries twice (snapshot, then events), and a margin. */
    private static final Duration FAIL_FAST_REFUSED = Duration.ofSeconds(10);
    /**
     * A partition: every pooled connection waits out the socket timeout (10 s) until a heartbeat marks the server
     * unknown; the event log's single writer queues appends behind a silent one. Bounded, never a hang.
     */
    private static final Duration FAIL_FAST_PARTITION = Duration.ofSeconds(30);

    private static final Duration RECOVERY = Duration.ofSeconds(60);

    /** One probe: when it was sent and answered, what it got. */
    private record Probe(Instant sent, Instant answered, String correlation, Http.Reply reply) {}

    /** One outage: its kind, when the database went away and when it came back. */
    private record Outage(String kind, Instant cut, Instant restored, Duration failFast) {

        boolean contains(Probe probe) {
            return !probe.sent().isBefore(cut) && !probe.answered().isAfter(restored);
        }

        boolean spans(Probe probe) {
            return probe.sent().isBefore(restored.plus(RECOVERY))
                    && probe.answered().isAfter(cut);
        }
    }

    @Test
    void writesFailFastWith503WhileTheDatabaseIsAwayAndRecoverWhenItReturns() throws Exception {
        Path dataDir = Scenarios.dataDir("mongo-unreachable");
        Ledger ledger = new Ledger();
        List<Probe> probes = new CopyOnWriteArrayList<>();
        List<Outage> outages = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        ExecutorService probing = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "probe");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(dataDir.resolveSibling("mongo"));
                TcpProxy proxy = new TcpProxy(address(mongo.connectionString()));
                ForkedNewsroom newsroom = new ForkedNewsroom(dataDir, Scenarios.configuredUsers())
                        .withEnvironment("MONGODB_URI", "mongodb://127.0.0.1:" + proxy.port() + "/newsroom")
                        .withEnvironment("NEWSROOM_WEBHOOK_KEY", ForkedNewsroom.WEBHOOK_KEY)
                        .withEnvironment("NEWSROOM_SIGNING_KEY", ForkedNewsroom.TEST_SIGNING_KEY)) {
            newsroom.start();
            assertThat(newsroom.output()).contains("Using MongoDB at 127.0.0.1:" + proxy.port());
            Http http = new Http(newsroom).withTimeout(Duration.ofSeconds(90));
            AtomicInteger sent = new AtomicInteger();
            try (Newsdesk desk = new Newsdesk(http, ledger, newsroom, 4).start()) {
                pace.scheduleAtFixedRate(
                        () -> probing.submit(() -> probe(http, probes, sent.incrementAndGet())),
                        0,
                        400,
                        TimeUnit.MILLISECONDS);
                outages.add(outage(
                        "refused",
                        proxy::refuse,
                        REFUSED,
                        FAIL_FAST_REFUSED,
                        proxy,
                        newsroom,
                        http,
                        ledger,
                        probes,
                        descriptions));
                outages.add(outage(
                        "partition",
                        proxy::blackHole,
                        PARTITION,
                        FAIL_FAST_PARTITION,
                        proxy,
                        newsroom,
                        http,
                        ledger,
                        probes,
                        descriptions));
                int after = ledger.acks().size() + 20;
                await().atMost(RECOVERY).until(() -> ledger.acks().size() >= after);
                pace.shutdown();
                probing.shutdown();
                assertThat(probing.awaitTermination(120, TimeUnit.SECONDS))
                        .as("probes answered")
                        .isTrue();
                desk.stop();
            }

            Invariants.Report report = new Invariants(http, ledger).check(SCENARIO);
            checkProbes(probes, outages, report);
            checkNothingRecordedFor503(http, ledger, probes, report);
            descriptions.forEach(description -> Scenarios.report(SCENARIO, description));
            Scenarios.report(SCENARIO, probes.size() + " probes; " + Scenarios.describe(ledger));
            report.assertClean();
        } finally {
            pace.shutdownNow();
            probing.shutdownNow();
        }
    }

    /** Takes the database away for a while under load, then gives it back. */
    private static Outage outage(
            String kind,
            Runnable cut,
            Duration length,
            Duration failFast,
            TcpProxy proxy,
            ForkedNewsroom newsroom,
            Http http,
            Ledger ledger,
            List<Probe> probes,
            List<String> descriptions) {
        int before = ledger.acks().size() + 20;
        await().atMost(RECOVERY).until(() -> ledger.acks().size() >= before);
        Instant cutAt = Instant.now();
        cut.run();
        await().atMost(failFast.multipliedBy(2)).until(() -> !newsroom.healthy());
        long downAfter = Duration.between(cutAt, Instant.now()).toMillis();
        Http.Reply health = http.withTimeout(failFast).get("/actuator/health", null);
        await().atMost(length.plusSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(cutAt.plus(length)));
        Instant restoredAt = Instant.now();
        proxy.restore();
        await().atMost(RECOVERY).until(newsroom::healthy);
        await().atMost(RECOVERY)
                .until(() -> probes.stream()
                        .anyMatch(probe -> probe.sent().isAfter(restoredAt)
                                && probe.reply().ok()));
        long upAfter = Duration.between(restoredAt, Instant.now()).toMillis();
        descriptions.add(kind + " for " + length.toSeconds() + " s: health " + health.status() + " DOWN " + downAfter
                + " ms after the cut; writes succeed again " + upAfter + " ms after the restore");
        return new Outage(kind, cutAt, restoredAt, failFast);
    }

    private static void probe(Http http, List<Probe> probes, int n) {
        String correlation = "probe-" + n;
        Instant sent = Instant.now();
        Http.Reply reply = http.call("POST", "/api/articles")
                .as("reporter")
                .correlation(correlation)
                .json(Map.of("headline", "Probe " + n, "body", "<p>Is the database there?</p>"))
                .send();
        probes.add(new Probe(sent, Instant.now(), correlation, reply));
    }

    /**
     * Inside an outage: a 503 problem within the outage's bound. Across one: success or 503. Never a 500, never
     * silence; long after every outage, success.
     */
    private static void checkProbes(List<Probe> probes, List<Outage> outages, Invariants.Report report) {
        Map<String, Long> slowest = new java.util.TreeMap<>();
        Map<String, Integer> refused = new java.util.TreeMap<>();
        for (Probe probe : probes) {
            Http.Reply reply = probe.reply();
            Outage inside = outages.stream()
                    .filter(outage -> outage.contains(probe))
                    .findFirst()
                    .orElse(null);
            boolean near = outages.stream().anyMatch(outage -> outage.spans(probe));
            if (inside != null) {
                slowest.merge(inside.kind(), reply.millis(), Math::max);
                refused.merge(inside.kind(), 1, Integer::sum);
                if (!unavailable(reply) || reply.header("Retry-After").isEmpty()) {
                    report.violation("503", probe.correlation() + " during the " + inside.kind() + " got " + reply);
                } else if (reply.millis() > inside.failFast().toMillis()) {
                    report.violation(
                            "fail fast",
                            probe.correlation() + " during the " + inside.kind() + " took " + reply.millis() + " ms");
                }
            } else if (!reply.answered() || reply.status() >= 500 && reply.status() != 503) {
                report.violation("503", probe.correlation() + " got " + reply);
            } else if (!reply.ok() && !(near && unavailable(reply))) {
                report.violation("503", probe.correlation() + " got " + reply);
            }
        }
        refused.forEach((kind, count) -> report.count("probes answered 503 inside the " + kind, count));
        slowest.forEach((kind, millis) -> report.count("slowest 503 inside the " + kind + " (ms)", millis));
    }

    /** 503 service-unavailable or outcome-unknown, as a problem. */
    private static boolean unavailable(Http.Reply reply) {
        return reply.isProblem(503, "service-unavailable") || reply.isProblem(503, "outcome-unknown");
    }

    /**
     * A 503 {@code service-unavailable} says "nothing was recorded": the log must agree. A 503 {@code outcome-unknown}
     * says it may have been: counted, both ways.
     */
    private static void checkNothingRecordedFor503(
            Http http, Ledger ledger, List<Probe> probes, Invariants.Report report) {
        Set<String> nothingRecorded = new HashSet<>();
        Set<String> unknown = new HashSet<>();
        probes.forEach(probe -> {
            if (probe.reply().isProblem(503, "service-unavailable")) {
                nothingRecorded.add(probe.correlation());
            } else if (probe.reply().isProblem(503, "outcome-unknown")) {
                unknown.add(probe.correlation());
            }
        });
        ledger.refusals().stream()
                .filter(refusal -> refusal.status() == 503)
                .forEach(refusal -> (refusal.body().contains("\"outcome-unknown\"") ? unknown : nothingRecorded)
                        .add(refusal.correlationId()));
        Set<String> recorded = new HashSet<>();
        Feed.readAll(http).stream()
                .filter(event -> event.type().startsWith("news.article."))
                .map(FeedEvent::articleId)
                .distinct()
                .forEach(article -> http.getJson("/audit/articles/" + article + "/history", "auditor")
                        .path("entries")
                        .forEach(entry ->
                                recorded.add(entry.path("correlationId").asText())));
        for (String correlation : nothingRecorded) {
            if (recorded.contains(correlation)) {
                report.violation(
                        "half-written",
                        correlation + " was answered 503 service-unavailable (nothing"
                                + " recorded) but the log holds its event");
            }
        }
        report.count("503 service-unavailable checked absent from the log", nothingRecorded.size());
        report.count("503 outcome-unknown", unknown.size());
        report.count(
                "503 outcome-unknown that were recorded",
                unknown.stream().filter(recorded::contains).count());
    }

    private static InetSocketAddress address(String connectionString) {
        URI uri = URI.create(connectionString);
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }
}
