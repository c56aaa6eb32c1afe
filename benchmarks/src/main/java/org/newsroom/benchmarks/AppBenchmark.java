package org.newsroom.benchmarks;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The standalone application end to end, on the embedded default: the projections' rebuild of a filled log, the HTTP
 * API under concurrent clients against the health endpoint of the same server, the time from a publish to the site,
 * how late scheduled publications go live, and the heap and disk used by 100,000 published articles.
 */
final class AppBenchmark {

    private static final List<String> PROJECTIONS = List.of("site", "editorial", "audit");
    private static final String REPORTER = "reporter";
    private static final String EDITOR = "editor";
    private static final String OPERATOR = "operator";
    private static final String DRAFT = "{\"headline\":\"" + Stories.HEADLINE + "\",\"standfirst\":\""
            + Stories.STANDFIRST + "\",\"body\":\"" + Stories.BODY + "\",\"language\":\"en\"}";
    private static final String BYLINE =
            "{\"bylines\":[{\"name\":\"Angus MacKinnon\",\"role\":\"author\"," + "\"affiliation\":\"AFP\"}]}";
    private static final int PUBLISHED_FOR_READING = 50;
    private static final int PUBLISHING_ARTICLES = 10;
    private static final int SCHEDULE_SPACING_MS = 150;

    private final Options options;
    private final Results results;
    private final RunningApp.Launcher launcher;

    AppBenchmark(Options options, Results results, RunningApp.Launcher launcher) {
        this.options = options;
        this.results = results;
        this.launcher = launcher;
    }

    void run() throws Exception {
        Path dataDir = Files.createTempDirectory("newsroom-app-benchmark");
        try {
            int articles = Math.max(1, options.rebuildEvents() / 10);
            long head = LogFill.fill(dataDir, articles, id -> Stories.lifeOf(id, 10));
            try (RunningApp app = launcher.start(dataDir, "app-rebuild-http")) {
                Http http = new Http(app.base());
                results.section(String.format("Projections of a %,d-event log (site, editorial, audit)", head));
                catchUp(http, head);
                rebuild(http, head);
                results.section(String.format(
                        "HTTP, %d concurrent clients (HTTP/1.1 keep-alive, Basic auth)", options.httpClients()));
                List<String> published = publishSome(http, PUBLISHED_FOR_READING);
                drafts(app);
                siteReads(app, published);
                results.section("Publish → site");
                publishToSite(http);
                results.section("Scheduled publication → live");
                scheduledPublications(http);
            }
        } finally {
            Cleanup.delete(dataDir);
        }
        memory();
    }

    // ---- projections ----

    private void catchUp(Http http, long head) {
        long started = System.nanoTime();
        awaitProjected(http, head);
        double seconds = (System.nanoTime() - started) / 1e9;
        results.row(
                "live projections catching up from 0 after start (3 at once)",
                "live_catchup_per_s",
                head / seconds,
                "events/s");
    }

    private static void awaitProjected(Http http, long position) {
        await().atMost(Duration.ofMinutes(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    JsonNode all = http.get("/actuator/projections", OPERATOR)
                            .expect(200)
                            .json()
                            .path("projections");
                    return PROJECTIONS.stream()
                            .allMatch(name -> all.path(name).path("position").asLong() >= position);
                });
    }

    private void rebuild(Http http, long head) {
        long started = System.nanoTime();
        for (String name : PROJECTIONS) {
            http.send("POST", "/actuator/projections/" + name + "/rebuild", OPERATOR, null)
                    .expect(202);
        }
        await().atMost(Duration.ofMinutes(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> PROJECTIONS.stream()
                        .allMatch(name -> !"RUNNING"
                                        .equals(rebuildOf(http, name)
                                                .path("state")
                                                .asText())
                                && !"SWITCHING"
                                        .equals(rebuildOf(http, name)
                                                .path("state")
                                                .asText())));
        double seconds = (System.nanoTime() - started) / 1e9;
        for (String name : PROJECTIONS) {
            JsonNode progress = rebuildOf(http, name);
            if (!"COMPLETED".equals(progress.path("state").asText())) {
                throw new IllegalStateException("rebuild of " + name + " ended " + progress);
            }
            results.row(
                    "rebuild of " + name + " alone (its own progress)",
                    "rebuild_" + name + "_per_s",
                    progress.path("eventsPerSecond").asDouble(),
                    "events/s");
        }
        results.put("rebuild_log_events", head);
        if (results.has("raw_id_read_per_s")) {
            results.row(
                    "full rebuild: site + editorial + audit at once",
                    "rebuild_per_s",
                    head / seconds,
                    "events/s",
                    "raw_id_read_per_s",
                    "raw _id reads",
                    "rebuild_vs_raw_read",
                    Results.Target.atLeast(0.3, "≥ 0.3"));
            results.row(
                    "full rebuild ÷ raw insertMany",
                    "rebuild_per_s",
                    head / seconds,
                    "events/s",
                    "raw_insert_many_per_s",
                    "raw insertMany",
                    "rebuild_vs_raw_insert_many",
                    null);
        } else {
            results.row("full rebuild: site + editorial + audit at once", "rebuild_per_s", head / seconds, "events/s");
        }
    }

    private static JsonNode rebuildOf(Http http, String name) {
        return http.get("/actuator/projections/" + name + "/rebuild", OPERATOR)
                .expect(200)
                .json();
    }

    // ---- HTTP ----

    /** Drafts, bylines, submits and publishes {@code count} articles; returns their site paths. */
    private static List<String> publishSome(Http http, int count) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = reviewedArticle(http);
            paths.add(http.send("POST", "/api/articles/" + id + "/publish", EDITOR, null)
                    .expect(200)
                    .json()
                    .path("url")
                    .asText());
        }
        for (String path : paths) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> http.get(path, null).status() == 200);
        }
        return paths;
    }

    private void drafts(RunningApp app) throws Exception {
        List<Double> drafts = new ArrayList<>();
        List<Double> health = new ArrayList<>();
        for (int round = 0; round < options.repeats(); round++) {
            drafts.add(load(
                            app,
                            http -> http.send("POST", "/api/articles", REPORTER, DRAFT)
                                    .expect(201))
                    .perSecond());
            health.add(load(app, http -> http.get("/actuator/health", null).expect(200))
                    .perSecond());
        }
        results.row("GET /actuator/health", "http_health_per_s", Stats.median(health), "req/s");
        results.row(
                "POST /api/articles (DraftArticle)",
                "http_draft_per_s",
                Stats.median(drafts),
                "req/s",
                "http_health_per_s",
                "health",
                "http_draft_ratio",
                Results.Target.atLeast(0.3, "≥ 0.3"));
    }

    private void siteReads(RunningApp app, List<String> published) throws Exception {
        List<Double> siteP50 = new ArrayList<>();
        List<Double> siteP99 = new ArrayList<>();
        List<Double> healthP50 = new ArrayList<>();
        List<Double> healthP99 = new ArrayList<>();
        for (int round = 0; round < options.repeats(); round++) {
            Load site = load(
                    app,
                    http -> http.get(published.get(ThreadLocalRandom.current().nextInt(published.size())), null)
                            .expect(200));
            siteP50.add(Stats.percentileMillis(site.latencies(), 50));
            siteP99.add(Stats.percentileMillis(site.latencies(), 99));
            Load health = load(app, http -> http.get("/actuator/health", null).expect(200));
            healthP50.add(Stats.percentileMillis(health.latencies(), 50));
            healthP99.add(Stats.percentileMillis(health.latencies(), 99));
            results.put("site_reads_per_s_round_" + round, site.perSecond());
        }
        results.row("GET /actuator/health p50", "health_p50_ms", Stats.median(healthP50), "ms");
        results.row("GET /actuator/health p99", "health_p99_ms", Stats.median(healthP99), "ms");
        results.row(
                "GET /site/articles/{slug} p50",
                "site_p50_ms",
                Stats.median(siteP50),
                "ms",
                "health_p50_ms",
                "health p50",
                "site_p50_ratio",
                null);
        results.row(
                "GET /site/articles/{slug} p99",
                "site_p99_ms",
                Stats.median(siteP99),
                "ms",
                "health_p99_ms",
                "health p99",
                "site_p99_ratio",
                Results.Target.atMost(3, "≤ 3"));
    }

    /** Rate and latencies of {@code request} from {@code httpClients} clients for {@code httpSeconds}. */
    private Load load(RunningApp app, java.util.function.Consumer<Http> request) throws Exception {
        int clients = options.httpClients();
        long until =
                System.nanoTime() + Duration.ofSeconds(options.httpSeconds()).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long started = System.nanoTime();
            List<Future<long[]>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                runs.add(pool.submit(() -> {
                    Http http = new Http(app.base());
                    long[] latencies = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < until) {
                        long sent = System.nanoTime();
                        request.accept(http);
                        if (count == latencies.length) {
                            latencies = java.util.Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = System.nanoTime() - sent;
                    }
                    return java.util.Arrays.copyOf(latencies, count);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> run : runs) {
                all.add(run.get());
            }
            long elapsed = System.nanoTime() - started;
            long[] latencies =
                    all.stream().flatMapToLong(java.util.Arrays::stream).toArray();
            return new Load(latencies, Stats.perSecond(latencies.length, elapsed));
        } finally {
            pool.shutdownNow();
        }
    }

    private record Load(long[] latencies, double perSecond) {}

    // ---- publish → site ----

    /** A drafted, signed article that its reporter submitted for review: ready for an editor to publish. */
    private static String reviewedArticle(Http http) {
        String id = http.send("POST", "/api/articles", REPORTER, DRAFT)
                .expect(201)
                .json()
                .path("id")
                .asText();
        http.send("PUT", "/api/articles/" + id + "/byline", REPORTER, BYLINE).expect(200);
        http.send("POST", "/api/articles/" + id + "/submit", REPORTER, null).expect(200);
        return id;
    }

    private void publishToSite(Http http) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PUBLISHING_ARTICLES; i++) {
            ids.add(reviewedArticle(http));
        }
        long[] latencies = new long[options.publishes()];
        for (int i = 0; i < options.publishes(); i++) {
            String id = ids.get(i % ids.size());
            if (i >= ids.size()) {
                http.send(
                                "PATCH",
                                "/api/articles/" + id,
                                REPORTER,
                                "{\"standfirst\":\"" + Stories.STANDFIRST + " Update " + i + ".\"}")
                        .expect(200);
            }
            JsonNode answer = http.send(
                            "POST",
                            "/api/articles/" + id + "/publish",
                            EDITOR,
                            i >= ids.size() ? "{\"changeKind\":\"update\"}" : null)
                    .expect(200)
                    .json();
            long answered = System.nanoTime();
            String version = answer.path("publicationNumber").asText();
            String path = answer.path("url").asText();
            while (true) {
                Http.Response page = http.get(path, null);
                if (page.status() == 200
                        && version.equals(page.json().path("version").asText())) {
                    break;
                }
                if (System.nanoTime() - answered > Duration.ofSeconds(30).toNanos()) {
                    throw new IllegalStateException("publication " + version + " of " + id + " not on the site");
                }
            }
            latencies[i] = System.nanoTime() - answered;
        }
        results.row("publish → site p50", "publish_to_site_p50_ms", Stats.percentileMillis(latencies, 50), "ms");
        results.row(
                "publish → site p99 (over " + latencies.length + " publishes)",
                "publish_to_site_p99_ms",
                Stats.percentileMillis(latencies, 99),
                "ms",
                Results.Target.atMost(100, "< 100 ms"));
        results.put("publish_to_site_max_ms", Stats.percentileMillis(latencies, 100));
    }

    // ---- scheduled publication ----

    /**
     * Schedules publications a few seconds ahead, {@value #SCHEDULE_SPACING_MS} ms apart, and measures how late each
     * went live: from its time to the timestamp of its ArticlePublished event (the editorial copy's {@code updatedAt}
     * once it is published), and to the first answer of its site page, both polled only once the time has come.
     */
    private void scheduledPublications(Http http) {
        int count = Math.max(1, options.scheduled());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(reviewedArticle(http));
        }
        Instant first = Instant.now().plusSeconds(3);
        Map<String, Instant> times = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Instant at = first.plusMillis((long) i * SCHEDULE_SPACING_MS);
            http.send("PUT", "/api/articles/" + ids.get(i) + "/schedule", EDITOR, "{\"at\":\"" + at + "\"}")
                    .expect(200);
            times.put(ids.get(i), at);
        }
        Map<String, String> sitePaths = new LinkedHashMap<>();
        java.util.Set<String> live = new java.util.HashSet<>();
        List<Long> toEvent = new ArrayList<>();
        List<Long> toSite = new ArrayList<>();
        Instant deadline = first.plusMillis((long) count * SCHEDULE_SPACING_MS).plusSeconds(30);
        while (toSite.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        (count - toSite.size()) + " scheduled publications were not live 30 s after their time");
            }
            Instant now = Instant.now();
            for (Map.Entry<String, Instant> scheduled : times.entrySet()) {
                String id = scheduled.getKey();
                if (now.isBefore(scheduled.getValue()) || live.contains(id)) {
                    continue;
                }
                if (!sitePaths.containsKey(id)) {
                    JsonNode article =
                            http.get("/api/articles/" + id, EDITOR).expect(200).json();
                    if ("PUBLISHED".equals(article.path("state").asText())) {
                        Instant published =
                                Instant.parse(article.path("updatedAt").asText());
                        toEvent.add(Duration.between(scheduled.getValue(), published)
                                .toNanos());
                        sitePaths.put(
                                id, "/site/articles/" + article.path("slug").asText());
                    }
                } else if (http.get(sitePaths.get(id), null).status() == 200) {
                    toSite.add(Duration.between(scheduled.getValue(), Instant.now())
                            .toNanos());
                    live.add(id);
                }
            }
        }
        long[] fired = toEvent.stream().mapToLong(Long::longValue).toArray();
        long[] onSite = toSite.stream().mapToLong(Long::longValue).toArray();
        results.row(
                "scheduled time → ArticlePublished p50",
                "schedule_fire_p50_ms",
                Stats.percentileMillis(fired, 50),
                "ms");
        results.row(
                "scheduled time → ArticlePublished p99 (over " + count + " schedules)",
                "schedule_fire_p99_ms",
                Stats.percentileMillis(fired, 99),
                "ms",
                Results.Target.atMost(1_000, "< 1 s"));
        results.row("scheduled time → site p50", "schedule_to_site_p50_ms", Stats.percentileMillis(onSite, 50), "ms");
        results.row("scheduled time → site p99", "schedule_to_site_p99_ms", Stats.percentileMillis(onSite, 99), "ms");
        results.put("schedule_fire_max_ms", Stats.percentileMillis(fired, 100));
    }

    // ---- memory ----

    private void memory() throws Exception {
        Path dataDir = Files.createTempDirectory("newsroom-memory-benchmark");
        try {
            long head = LogFill.fill(dataDir, options.memoryArticles(), Stories::publishedArticle);
            try (RunningApp app = launcher.start(dataDir, "app-memory")) {
                results.section(String.format(
                        "Memory and disk, %,d articles drafted and published (%,d events)",
                        options.memoryArticles(), head));
                Http http = new Http(app.base());
                long started = System.nanoTime();
                awaitProjected(http, head);
                results.put("memory_catchup_per_s", head / ((System.nanoTime() - started) / 1e9));
                double heapMb = app.heapUsedAfterFullGc() / 1024.0 / 1024.0;
                double dirMb = Cleanup.sizeOf(dataDir) / 1024.0 / 1024.0;
                results.put("memory_articles", options.memoryArticles());
                results.put("memory_log_events", head);
                results.row("heap used after a full GC", "heap_mb_100k_articles", heapMb, "MB");
                results.row("data directory (log + read models + tokens)", "data_dir_mb", dirMb, "MB");
                results.row(
                        "data directory per 1,000 events", "data_dir_mb_per_1000_events", dirMb * 1000 / head, "MB");
            }
        } finally {
            Cleanup.delete(dataDir);
        }
    }
}
