package org.newsroom.benchmarks;

import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.Byline;
import org.newsroom.article.BylineAssigned;
import org.newsroom.embedded.EmbeddedMongoServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Every list and search the UI and the APIs serve, timed at several newsroom sizes ({@code --list-articles=}): for
 * each size a fresh data directory is filled straight through the engine (a quarter drafts, a quarter in review, half
 * published; one headline in ten about each of ten topics) plus as many incoming agency items, the forked application
 * catches up, and each list is asked for a page {@code listRequests} times after a warm-up; the median is kept. A list
 * is flat when its time at the largest size is at most twice its time at the smallest.
 */
final class ListsBenchmark {

    private static final String[] TOPICS = {
        "harbour",
        "budget",
        "election",
        "drought",
        "railway",
        "festival",
        "vaccine",
        "satellite",
        "harvest",
        "orchestra"
    };
    private static final List<String> PROJECTIONS = List.of("site", "editorial", "audit");
    private static final List<Byline> BYLINES = List.of(new Byline("Angus MacKinnon", "author", "AFP"));
    private static final String[] INGEST_STATES = {"draft", "in_review", "published"};
    private static final int WARM_UP = 5;

    private final Options options;
    private final Results results;
    private final RunningApp.Launcher launcher;

    ListsBenchmark(Options options, Results results, RunningApp.Launcher launcher) {
        this.options = options;
        this.results = results;
        this.launcher = launcher;
    }

    /** A list: what it is called in results.json, the request, and who asks. */
    private record Lister(String key, String what, String path, String user) {}

    void run() throws Exception {
        int[] sizes = options.listArticles();
        Map<String, Map<Integer, Double>> times = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int size : sizes) {
            Path dataDir = Files.createTempDirectory("newsroom-lists-benchmark");
            try {
                long head = LogFill.fill(dataDir, size, ListsBenchmark::life);
                fillIngest(dataDir, size);
                try (RunningApp app = launcher.start(dataDir, "lists-" + size)) {
                    Http http = new Http(app.base());
                    awaitProjected(http, head);
                    for (Lister lister : listers(http, size)) {
                        names.put(lister.key(), lister.what());
                        times.computeIfAbsent(lister.key(), key -> new LinkedHashMap<>())
                                .put(size, medianMillis(http, lister));
                    }
                }
            } finally {
                Cleanup.delete(dataDir);
            }
        }
        int smallest = sizes[0];
        int largest = sizes[sizes.length - 1];
        results.section(
                String.format(Locale.ROOT, "Lists at %,d to %,d articles (median ms of a page)", smallest, largest));
        StringBuilder table = new StringBuilder("| list |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int size : sizes) {
            table.append(String.format(Locale.ROOT, " %,d |", size));
            rule.append("---:|");
        }
        table.append(" largest ÷ smallest |\n");
        rule.append("---:|\n");
        table.append(rule);
        for (Map.Entry<String, Map<Integer, Double>> list : times.entrySet()) {
            String key = list.getKey();
            table.append("| ").append(names.get(key)).append(" |");
            for (int size : sizes) {
                double ms = list.getValue().get(size);
                results.row(
                        String.format(Locale.ROOT, "%s at %,d", names.get(key), size),
                        "lists_" + key + "_ms_" + size,
                        ms,
                        "ms");
                table.append(' ').append(Results.format(ms)).append(" |");
            }
            if (largest != smallest) {
                results.row(
                        names.get(key) + ", largest ÷ smallest",
                        "lists_" + key + "_ms_" + largest,
                        list.getValue().get(largest),
                        "ms",
                        "lists_" + key + "_ms_" + smallest,
                        String.format(Locale.ROOT, "at %,d", smallest),
                        "lists_" + key + "_ratio",
                        Results.Target.atMost(2, "≤ 2"));
                table.append(String.format(
                        Locale.ROOT,
                        " %.2f |",
                        list.getValue().get(largest) / list.getValue().get(smallest)));
            }
            table.append('\n');
        }
        System.out.println();
        System.out.print(table);
    }

    private static List<Lister> listers(Http http, int size) {
        int deepPage = Math.max(1, Math.min(25, size / 40));
        String cursor = http.get("/site/articles?limit=20", null)
                .expect(200)
                .json()
                .path("next")
                .asText(null);
        List<Lister> listers = new ArrayList<>(List.of(
                new Lister("work_all", "work list", "/api/articles?size=20", "editor"),
                new Lister("work_state", "work list, state=draft", "/api/articles?size=20&state=draft", "editor"),
                new Lister(
                        "work_author",
                        "work list, author=mackinnon",
                        "/api/articles?size=20&author=mackinnon",
                        "editor"),
                new Lister("work_search", "work list, q=budget", "/api/articles?size=20&q=budget", "editor"),
                new Lister(
                        "work_page", "work list, page=" + deepPage, "/api/articles?size=20&page=" + deepPage, "editor"),
                new Lister("site_first", "site list", "/site/articles?limit=20", null)));
        if (cursor != null) {
            listers.add(new Lister(
                    "site_cursor",
                    "site list, next page",
                    "/site/articles?limit=20&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                    null));
        }
        listers.addAll(List.of(
                new Lister(
                        "audit_search",
                        "audit search, q=budget&state=published",
                        "/audit/articles?q=budget&state=published&size=20",
                        "auditor"),
                new Lister("ingest_all", "incoming list", "/api/ingest?size=20", "editor"),
                new Lister("ingest_state", "incoming list, state=draft", "/api/ingest?size=20&state=draft", "editor"),
                new Lister(
                        "ingest_page",
                        "incoming list, page=" + deepPage,
                        "/api/ingest?size=20&page=" + deepPage,
                        "editor")));
        return listers;
    }

    private double medianMillis(Http http, Lister lister) {
        for (int i = 0; i < WARM_UP; i++) {
            http.get(lister.path(), lister.user()).expect(200);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < options.listRequests(); i++) {
            long sent = System.nanoTime();
            http.get(lister.path(), lister.user()).expect(200);
            millis.add((System.nanoTime() - sent) / 1e6);
        }
        return Stats.median(millis);
    }

    /** A quarter drafts, a quarter in review, half published; one headline in ten about each topic. */
    static List<ArticleEvent> life(String id) {
        int index = Integer.parseInt(id.substring(0, id.indexOf('-')));
        ArticleId article = new ArticleId(id);
        String headline = Stories.HEADLINE + " on the " + TOPICS[index % TOPICS.length];
        ArticleDrafted drafted = new ArticleDrafted(article, headline, Stories.STANDFIRST, Stories.BODY, "en");
        return switch (index % 4) {
            case 0 -> List.of(drafted);
            case 1 ->
                List.of(drafted, new BylineAssigned(article, BYLINES), new ArticleSubmittedForReview(article, "ready"));
            default -> {
                List<ArticleEvent> published = new ArrayList<>(Stories.publishedArticle(id));
                published.set(0, drafted);
                yield published;
            }
        };
    }

    /** As many incoming agency items as articles, written as the ingest records them, one a second apart. */
    private static void fillIngest(Path dataDir, int count) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> items = client.getDatabase("newsroom").getCollection("ingested_items");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String uri = "urn:newsml:afp.com:20260101:" + i;
                batch.add(new Document("_id", "afp|" + uri + "|1")
                        .append("source", "afp")
                        .append("itemUri", uri)
                        .append("itemVersion", 1)
                        .append("format", "ninjs")
                        .append("pubStatus", "usable")
                        .append("urgency", 4)
                        .append("articleId", String.format("%07d-filled", i))
                        .append("articleVersion", 1)
                        .append("state", INGEST_STATES[i % INGEST_STATES.length])
                        .append("headline", Stories.HEADLINE + " " + i)
                        .append("receivedAt", Date.from(start.plusSeconds(i))));
                if (batch.size() == 1_000 || i == count - 1) {
                    items.insertMany(batch);
                    batch.clear();
                }
            }
        }
    }

    private static void awaitProjected(Http http, long position) {
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonNode all = http.get("/actuator/projections", "operator")
                            .expect(200)
                            .json()
                            .path("projections");
                    return PROJECTIONS.stream()
                            .allMatch(name -> all.path(name).path("position").asLong() >= position);
                });
    }
}
