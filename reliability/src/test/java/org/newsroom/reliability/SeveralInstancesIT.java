package org.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Scenario 9: several instances. The jar's {@code store} command serves the embedded MongoDB-compatible store on its
 * own; three instances of the jar run on it ({@code MONGODB_URI}), behind a {@link LoadBalancer} that sends each
 * request to the next running instance. Clients write through it (half of them with {@code Idempotency-Key}s, which
 * they send again to whichever instance answers next), and read every acknowledged write back with
 * {@code ?atLeast=<its position>} from another instance than the one that took it; webhooks are registered through
 * different instances, an SSE subscriber follows the balanced address. A random instance is killed with SIGKILL every
 * 8–12 s (2–3 times; every 20–30 s for six minutes in the long run) and started again at once, and a rebuild of the
 * editorial projection is started through one instance after the first kill.
 * <p>
 * Then I1–I6 over the balanced address, and: every read-back that an instance answered was a 200 showing the write;
 * every instance served such reads; every webhook event is delivered, and a {@code webhook-id} delivered twice only
 * within a takeover window after the kill of the instance that held that webhook's lease; the rebuild completed and
 * every instance serves its version.
 */
class SeveralInstancesIT {

    private static final String SCENARIO = "scenario 9: several instances";
    private static final int INSTANCES = 3;
    private static final int CLIENTS = 3;
    private static final int KEYED_CLIENTS = 3;
    /** One segment per instance: each instance processes a share of every projection. */
    private static final int SEGMENTS = 3;

    private static final Duration WEBHOOK_LEASE = Duration.ofSeconds(6);
    /** {@code newsroom.webhooks.poll-interval}, the default: how often instances look for leases to take. */
    private static final Duration WEBHOOK_POLL = Duration.ofSeconds(1);
    /**
     * A webhook whose lease holder died is taken over once the lease expired, at the next poll of another instance,
     * which sends the event that was in flight again: a duplicate is explained by a kill of the lease holder at most
     * this long before it (the lease, a poll, and a delivery's time on a loaded machine).
     */
    private static final Duration TAKEOVER_WINDOW =
            WEBHOOK_LEASE.plus(WEBHOOK_POLL).plusSeconds(2);

    /** {@code newsroom.query.wait-timeout} here, and its default. */
    private static final Duration WAIT_TIMEOUT = Duration.ofSeconds(15);

    private static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(5);

    private static final String REBUILT = "editorial";
    private static final Duration QUIET = Duration.ofSeconds(120);

    /** One SIGKILL: of which instance, when, and the webhook leases it held at that moment. */
    private record Kill(int number, int instance, Instant at, Set<String> leases) {}

    /** Where a read went, relative to the claim of the segment processing the article it reads. */
    private enum Claim {
        /** the instance asked processes the article's segment */
        OWNER,
        /** another live instance does */
        OTHER,
        /** nobody live does: its owner was killed and the claim not yet taken over */
        TAKEOVER
    }

    /** One read-back of an acknowledged write with {@code ?atLeast=}, as an instance answered it. */
    private record Read(int instance, int writer, String projection, Claim claim, Http.Reply reply, String problem) {}

    private final List<Read> reads = new CopyOnWriteArrayList<>();
    private final AtomicInteger readsToDownInstances = new AtomicInteger();
    private final AtomicInteger readsWithoutAnotherInstance = new AtomicInteger();
    private final AtomicInteger readCounter = new AtomicInteger();

    @Test
    void threeInstancesUnderKillsAndARebuildLoseNothingAndEveryInstanceReadsEveryWrite() {
        Path base = Scenarios.dataDir("several-instances");
        Ledger ledger = new Ledger();
        List<Kill> kills = new ArrayList<>();
        List<WebhookReceiver> receivers = new ArrayList<>();
        ForkedStore store = ForkedStore.start(base.resolveSibling("store"));
        try (StoreWatch watch = new StoreWatch(store.uri());
                LoadBalancer balancer = new LoadBalancer(IntStream.range(0, INSTANCES)
                        .mapToObj(i -> instance(base.resolveSibling("instance-" + (i + 1)), store))
                        .toList())) {
            Instant began = Instant.now();
            AtomicReferenceArray<String> ids = new AtomicReferenceArray<>(INSTANCES);
            CompletableFuture.allOf(IntStream.range(0, INSTANCES)
                            .mapToObj(i -> CompletableFuture.runAsync(() -> start(balancer, i, ids)))
                            .toArray(CompletableFuture[]::new))
                    .join();
            Duration startup = Duration.between(began, Instant.now());
            List<Http> pinned =
                    IntStream.range(0, INSTANCES).mapToObj(balancer::pinned).toList();
            Http http = balancer.http();

            List<Invariants.Hook> hooks = new ArrayList<>();
            for (int i = 0; i < INSTANCES + 1; i++) {
                WebhookReceiver receiver = new WebhookReceiver("receiver " + (i + 1), WebhookReceiver.accepting());
                receivers.add(receiver);
                String[] types = i == INSTANCES ? new String[] {"news.article.published.v1"} : new String[0];
                hooks.add(Scenarios.register(pinned.get(i % INSTANCES), receiver, Duration.ofSeconds(10), true, types));
            }
            ledger.onAcknowledged(ack -> readBack(ack, balancer, pinned, watch, ids));

            JsonNode rebuild;
            try (SseSubscriber stream = new SseSubscriber(http, balancer, 0);
                    Newsdesk desk = new Newsdesk(http, ledger, balancer, CLIENTS).start();
                    Newsdesk keyed = new Newsdesk(http, ledger, balancer, KEYED_CLIENTS)
                            .withIdempotencyKeys()
                            .start()) {
                rebuild = killInTurn(balancer, watch, ids, pinned, kills);
                int afterLast = ledger.acks().size() + 20;
                await().atMost(QUIET).until(() -> ledger.acks().size() >= afterLast);
                desk.stop();
                keyed.stop();

                String version = checkRebuild(http, pinned, rebuild);
                Invariants invariants = new Invariants(http, ledger).stream(stream, 0);
                hooks.forEach(invariants::webhook);
                Invariants.Report report = invariants.check(SCENARIO);
                checkReads(report);
                String deliveries = checkDeliveries(hooks, kills, report);
                desk.unexpectedAnswers().forEach(answer -> report.violation("client", answer));
                keyed.unexpectedAnswers().forEach(answer -> report.violation("client", answer));

                Scenarios.report(
                        SCENARIO,
                        INSTANCES + " instances on one store (" + watch.segmentCounts() + " segments), started in "
                                + startup.toMillis() / 100 / 10.0 + " s; " + (CLIENTS + KEYED_CLIENTS)
                                + " clients (" + KEYED_CLIENTS + " with Idempotency-Keys), "
                                + (desk.stories() + keyed.stories()) + " stories, " + Scenarios.describe(ledger)
                                + "; " + describeKills(kills) + "; rebuild of " + REBUILT + " through instance "
                                + (rebuild.path("startedThrough").asInt() + 1) + " " + version + "; "
                                + stream.connections() + " SSE connections; " + deliveries + "; " + describeReads()
                                + "; startups " + describeStartups(balancer));
                report.assertClean();
            }
        } finally {
            receivers.forEach(WebhookReceiver::close);
            store.close();
        }
        assertThat(store.exitCode())
                .as("the store's exit on SIGTERM; see %s", store.log())
                .isZero();
    }

    private static ForkedNewsroom instance(Path dataDir, ForkedStore store) {
        List<String> arguments = new ArrayList<>(List.of(
                "--newsroom.query.segments=" + SEGMENTS,
                // a read waiting on a killed instance's segment waits for the takeover: the claim timeout (5 s),
                // the next claim attempt (1 s) and the batch; the default 5 s would answer 503 projection-behind
                "--newsroom.query.wait-timeout=" + WAIT_TIMEOUT.toSeconds() + "s",
                "--newsroom.webhooks.allow-private-targets=true",
                "--newsroom.webhooks.retry.initial-interval=200ms",
                "--newsroom.webhooks.lease=" + WEBHOOK_LEASE.toSeconds() + "s",
                // a keyed write lost with its instance is taken over by another after 3 s, not 2 min
                "--newsroom.idempotency.lease=3s"));
        arguments.addAll(List.of(Scenarios.configuredUsers()));
        return new ForkedNewsroom(dataDir, arguments.toArray(String[]::new))
                .withEnvironment("MONGODB_URI", store.uri())
                .withEnvironment("NEWSROOM_WEBHOOK_KEY", ForkedNewsroom.WEBHOOK_KEY)
                .withEnvironment("NEWSROOM_SIGNING_KEY", ForkedNewsroom.TEST_SIGNING_KEY);
    }

    /** Starts instance {@code i} and notes its name in token claims, as its {@code /actuator/projections} says. */
    private static void start(LoadBalancer balancer, int i, AtomicReferenceArray<String> ids) {
        ForkedNewsroom instance = balancer.instance(i);
        instance.start();
        for (JsonNode live :
                balancer.pinned(i).getJson("/actuator/projections", "operator").path("instances")) {
            if (live.path("self").asBoolean()) {
                ids.set(i, live.path("id").asText());
            }
        }
    }

    /**
     * Kills a random instance at random intervals and starts it again at once; starts the rebuild after the first
     * kill. Answers the rebuild's first progress, with {@code startedThrough} added.
     */
    private JsonNode killInTurn(
            LoadBalancer balancer,
            StoreWatch watch,
            AtomicReferenceArray<String> ids,
            List<Http> pinned,
            List<Kill> kills) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int planned = Scenarios.LONG ? Integer.MAX_VALUE : 2 + random.nextInt(2);
        Instant end = Instant.now().plus(Scenarios.LONG ? Duration.ofMinutes(6) : Duration.ofHours(1));
        JsonNode rebuild = null;
        Instant next = Instant.now().plus(interval(random));
        while (kills.size() < planned && next.isBefore(end)) {
            Instant at = next;
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> Instant.now().isAfter(at));
            int victim = random.nextInt(balancer.size());
            ForkedNewsroom instance = balancer.instance(victim);
            Set<String> leases = watch.leasesHeldBy(instance.pid());
            Instant killed = Instant.now();
            instance.kill9();
            kills.add(new Kill(kills.size() + 1, victim, killed, leases));
            next = killed.plus(interval(random));
            start(balancer, victim, ids);
            if (rebuild == null) {
                rebuild = startRebuild(balancer, pinned);
            }
        }
        return rebuild;
    }

    private static Duration interval(ThreadLocalRandom random) {
        return Scenarios.LONG
                ? Duration.ofMillis(20_000 + random.nextInt(10_001))
                : Duration.ofMillis(8_000 + random.nextInt(4_001));
    }

    /** Starts the rebuild through a random running instance, as the role the access table gives it to. */
    private static JsonNode startRebuild(LoadBalancer balancer, List<Http> pinned) {
        int through = balancer.another(-1, ThreadLocalRandom.current().nextInt(balancer.size()));
        Http.Reply started =
                pinned.get(through).post("/actuator/projections/" + REBUILT + "/rebuild", "operator", null);
        assertThat(started.status())
                .as("rebuild through instance %d: %s", through + 1, started)
                .isEqualTo(202);
        return ((ObjectNode) started.json()).put("startedThrough", through);
    }

    /** The rebuild completed, and every instance serves its version; answers how it went. */
    private static String checkRebuild(Http http, List<Http> pinned, JsonNode started) {
        String path = "/actuator/projections/" + REBUILT + "/rebuild";
        await().atMost(QUIET)
                .pollInterval(Duration.ofMillis(250))
                .until(() ->
                        http.getJson(path, "operator").path("state").asText().matches("COMPLETED|FAILED"));
        JsonNode progress = http.getJson(path, "operator");
        assertThat(progress.path("state").asText())
                .as("the rebuild: %s", progress)
                .isEqualTo("COMPLETED");
        int version = progress.path("version").asInt();
        assertThat(version)
                .as("the rebuild: %s", progress)
                .isEqualTo(started.path("version").asInt());
        for (int i = 0; i < pinned.size(); i++) {
            Http instance = pinned.get(i);
            int number = i + 1;
            await().atMost(QUIET)
                    .pollInterval(Duration.ofMillis(250))
                    .alias("instance " + number + " serves " + REBUILT + " version " + version)
                    .until(() -> {
                        JsonNode all = instance.getJson("/actuator/projections", "operator");
                        boolean served = all.path("projections")
                                        .path(REBUILT)
                                        .path("activeVersion")
                                        .asInt()
                                == version;
                        for (JsonNode live : all.path("instances")) {
                            served &= live.path("serves").path(REBUILT).asInt() == version;
                        }
                        return served;
                    });
        }
        return "v" + started.path("version").asInt() + " "
                + progress.path("state").asText() + " ("
                + progress.path("done").asLong() + " events, run by "
                + progress.path("instance").asText()
                + "), served by all " + pinned.size() + " instances";
    }

    // ---- reading every write back from another instance ----

    /**
     * On the client's thread, right after its write was acknowledged: reads it back with {@code ?atLeast=} from another
     * instance than the one that took it, the editorial copy or the audit history in turn. A read that finds its
     * instance down gets no answer and is sent to the next one: only answers count.
     */
    private void readBack(
            Ledger.Ack ack,
            LoadBalancer balancer,
            List<Http> pinned,
            StoreWatch watch,
            AtomicReferenceArray<String> ids) {
        int writer = balancer.lastServed();
        boolean audit = readCounter.incrementAndGet() % 2 == 0;
        String projection = audit ? "audit" : "editorial";
        String path = audit
                ? "/audit/articles/" + ack.articleId() + "/history?atLeast=" + ack.position()
                : "/api/articles/" + ack.articleId() + "?atLeast=" + ack.position();
        for (int attempt = 0; attempt < 2 * balancer.size(); attempt++) {
            int target = balancer.another(writer, attempt);
            if (target < 0) {
                readsWithoutAnotherInstance.incrementAndGet();
                return;
            }
            Claim claim = claim(watch.claimOwner(projection, ack.articleId()), target, balancer, ids);
            Http.Reply reply = pinned.get(target).get(path, audit ? "auditor" : "editor");
            if (!reply.answered()) {
                readsToDownInstances.incrementAndGet();
                continue;
            }
            reads.add(new Read(target, writer, projection, claim, reply, problem(ack, audit, reply)));
            return;
        }
    }

    private static Claim claim(String owner, int target, LoadBalancer balancer, AtomicReferenceArray<String> ids) {
        if (owner == null) {
            return Claim.TAKEOVER;
        }
        for (int i = 0; i < ids.length(); i++) {
            if (owner.equals(ids.get(i)) && balancer.instance(i).isRunning()) {
                return i == target ? Claim.OWNER : Claim.OTHER;
            }
        }
        return Claim.TAKEOVER;
    }

    /** What is wrong with a read-back's answer, or null. */
    private static String problem(Ledger.Ack ack, boolean audit, Http.Reply reply) {
        if (reply.status() != 200) {
            return "answered " + reply;
        }
        JsonNode body = reply.json();
        if (audit) {
            for (JsonNode entry : body.path("entries")) {
                if (entry.path("position").asLong() == ack.position()) {
                    return null;
                }
            }
            return "the history lacks position " + ack.position() + ": " + body;
        }
        return body.path("version").asLong() == ack.version()
                ? null
                : "version " + body.path("version") + ", the write made " + ack.version();
    }

    private void checkReads(Invariants.Report report) {
        report.count("atLeast reads answered", reads.size());
        for (Read read : reads) {
            if (read.problem() != null) {
                report.violation(
                        "read-your-writes",
                        read.projection() + " read on instance " + (read.instance() + 1) + " of a write taken by "
                                + (read.writer() + 1) + ": " + read.problem());
            }
        }
        Set<Integer> readers = reads.stream().map(Read::instance).collect(Collectors.toSet());
        if (readers.size() != INSTANCES) {
            report.violation("read-your-writes", "only instances " + readers + " answered reads");
        }
    }

    private String describeReads() {
        long ok = reads.stream().filter(read -> read.problem() == null).count();
        Map<String, String> byClaim = new TreeMap<>();
        for (Claim claim : Claim.values()) {
            byClaim.put(claim.name().toLowerCase(), percentiles(read -> read.claim() == claim));
        }
        Map<String, String> byInstance = new TreeMap<>();
        for (int i = 0; i < INSTANCES; i++) {
            int instance = i;
            byInstance.put("instance " + (i + 1), percentiles(read -> read.instance() == instance));
        }
        return "atLeast reads from another instance than the write's: " + reads.size() + " answered, " + ok
                + " of them 200 with the write, " + readsToDownInstances.get() + " sent to an instance that was down"
                + " (sent on), " + readsWithoutAnotherInstance.get() + " without another instance, "
                + reads.stream()
                        .filter(read -> read.reply().millis() > DEFAULT_WAIT_TIMEOUT.toMillis())
                        .count()
                + " longer than the default wait-timeout (" + DEFAULT_WAIT_TIMEOUT.toSeconds() + " s); waits by the"
                + " article's segment claim " + byClaim + ", by instance " + byInstance;
    }

    /** {@code n, p50 x ms, p99 y ms} of the reads that match. */
    private String percentiles(Predicate<Read> which) {
        List<Long> millis = reads.stream()
                .filter(which)
                .map(read -> read.reply().millis())
                .sorted()
                .toList();
        if (millis.isEmpty()) {
            return "none";
        }
        return millis.size() + " reads, p50 " + nearestRank(millis, 50) + " ms, p99 " + nearestRank(millis, 99)
                + " ms, max " + millis.get(millis.size() - 1) + " ms";
    }

    private static long nearestRank(List<Long> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    // ---- webhooks: duplicates only across takeovers ----

    /**
     * Counts each receiver's deliveries per {@code webhook-id}; every repeated one must follow, within the takeover
     * window, a kill of the instance that held that webhook's lease, and be the attempt that was in flight: nothing
     * else reached the receiver between its first delivery and its repetition. Answers the counts, per takeover.
     */
    private static String checkDeliveries(List<Invariants.Hook> hooks, List<Kill> kills, Invariants.Report report) {
        long requests = 0;
        long distinct = 0;
        Map<Integer, List<String>> perKill = new TreeMap<>();
        for (Invariants.Hook hook : hooks) {
            Map<String, List<WebhookReceiver.Delivery>> byId = hook.receiver().deliveries().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Delivery::webhookId));
            requests += hook.receiver().deliveries().size();
            distinct += byId.size();
            byId.forEach((webhookId, deliveries) -> {
                List<WebhookReceiver.Delivery> inOrder = deliveries.stream()
                        .sorted(Comparator.comparing(WebhookReceiver.Delivery::arrived))
                        .toList();
                for (WebhookReceiver.Delivery again : inOrder.subList(1, inOrder.size())) {
                    Kill takeover = kills.stream()
                            .filter(kill -> kill.leases().contains(hook.id()))
                            .filter(kill -> !again.arrived().isBefore(kill.at())
                                    && !again.arrived().isAfter(kill.at().plus(TAKEOVER_WINDOW)))
                            .reduce((first, last) -> last)
                            .orElse(null);
                    if (takeover == null) {
                        report.violation(
                                "I4",
                                hook.receiver().name() + " got webhook-id " + webhookId + " again at "
                                        + again.arrived() + " (first at "
                                        + inOrder.get(0).arrived()
                                        + ") with no kill of its lease holder in the " + TAKEOVER_WINDOW.toSeconds()
                                        + " s before");
                    } else if (hook.receiver().deliveries().stream()
                            .anyMatch(other -> !other.webhookId().equals(webhookId)
                                    && other.arrived().isAfter(inOrder.get(0).arrived())
                                    && other.arrived().isBefore(again.arrived()))) {
                        report.violation(
                                "I4",
                                hook.receiver().name() + " got webhook-id " + webhookId + " again after kill "
                                        + takeover.number() + ", but other events came between its first delivery"
                                        + " and this one: it was not the attempt in flight");
                    } else {
                        perKill.computeIfAbsent(takeover.number(), number -> new ArrayList<>())
                                .add(hook.receiver().name() + " +"
                                        + Duration.between(takeover.at(), again.arrived())
                                                .toMillis() + " ms");
                    }
                }
            });
        }
        long duplicates = requests - distinct;
        report.count("webhook duplicates", duplicates);
        return hooks.size() + " webhooks (registered through instances 1, 2, 3, 1): " + requests + " deliveries of "
                + distinct + " webhook-ids, " + duplicates + " duplicates"
                + (perKill.isEmpty() ? "" : ", each after a kill of its lease holder: " + perKill);
    }

    private static String describeKills(List<Kill> kills) {
        return kills.size() + " kills ("
                + kills.stream()
                        .map(kill -> "instance " + (kill.instance() + 1) + " with "
                                + kill.leases().size() + " webhook lease"
                                + (kill.leases().size() == 1 ? "" : "s"))
                        .collect(Collectors.joining(", "))
                + ")";
    }

    private static String describeStartups(LoadBalancer balancer) {
        return IntStream.range(0, balancer.size())
                .mapToObj(i -> balancer.instance(i).startups().stream()
                        .map(duration -> String.valueOf(duration.toMillis() / 100 / 10.0))
                        .collect(Collectors.joining(", ", "[", "] s")))
                .collect(Collectors.joining(" "));
    }
}
