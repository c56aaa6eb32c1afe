package org.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsroom.embedded.EmbeddedMongoServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scenario 7: security, from the outside, against the forked jar. Every route of DESIGN.md × every role and
 * anonymous ({@link DesignRoutes}, which must also be exactly the application's documented routes); credentials
 * and actor fields in a request never change the recorded actor; the demo users do not exist when
 * {@code MONGODB_URI} is set; bodies with scripts, event handlers and {@code javascript:} links are rejected with 400
 * and record nothing; published ninjs bodies carry no markup outside the allowed subset; a payload with Jackson
 * polymorphic type ids is rejected; the audit trail cannot be written through any route. Then I1–I6.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {

    private static final String SCENARIO = "scenario 7: security";

    private final Ledger ledger = new Ledger();
    private final AtomicInteger operations = new AtomicInteger();
    private ForkedNewsroom newsroom;
    private WebhookReceiver receiver;
    private Http http;
    /** An article with a photo and a publication, for the read routes. */
    private String article;

    private String slug;
    private String webhook;
    private String partnerWebhook;

    @BeforeAll
    void start() {
        Path dataDir = Scenarios.dataDir("security");
        newsroom = new ForkedNewsroom(dataDir, "--newsroom.webhooks.allow-private-targets=true").start();
        receiver = new WebhookReceiver("receiver", WebhookReceiver.accepting());
        http = new Http(newsroom);
        article = draft();
        String photo = attachPhoto(article);
        write(
                "PATCH",
                "/api/articles/" + article + "/photos/" + photo,
                "reporter",
                Map.of("caption", "A caption, changed"));
        write("PUT", "/api/articles/" + article + "/byline", "reporter", byline());
        write("POST", "/api/articles/" + article + "/submit", "reporter", Map.of("note", "Please review"));
        slug = write("POST", "/api/articles/" + article + "/publish", "editor", null)
                .json()
                .path("url")
                .asText()
                .replace("/site/articles/", "");
        webhook = registerWebhook();
        partnerWebhook = registerPartnerWebhook();
    }

    @AfterAll
    void stop() {
        receiver.close();
        newsroom.close();
    }

    @Test
    @Order(1)
    void theDesignsRoutesAreExactlyTheApplicationsDocumentedRoutes() {
        Set<String> documented = new TreeSet<>();
        http.getJson("/v3/api-docs", null)
                .path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(
                                method -> documented.add(method.toUpperCase() + " " + normalized(path.getKey()))));
        Set<String> designed = new TreeSet<>();
        DesignRoutes.ROUTES.stream()
                .filter(route -> !route.path().startsWith("/actuator"))
                .forEach(route -> designed.add(route.method() + " " + normalized(route.path())));
        assertThat(documented).as("routes in /v3/api-docs").isEqualTo(designed);
    }

    @Test
    @Order(2)
    void everyRouteTimesEveryRoleAndAnonymousAnswersAsTheDesignSays() {
        List<String> wrong = new ArrayList<>();
        int allowed = 0;
        int refused = 0;
        for (DesignRoutes.Route route : DesignRoutes.ROUTES) {
            for (String caller : DesignRoutes.CALLERS) {
                Target target = prepare(route);
                long head = head();
                Http.Reply reply = send(route, target, caller);
                if (route.allowed().contains(caller)) {
                    allowed++;
                    if (reply.status() != route.success()) {
                        wrong.add(route + " as " + caller + ": expected " + route.success() + ", got " + reply);
                    } else if (route.method().equals("POST") && route.path().startsWith("/api/articles")
                            || route.method().matches("PATCH|PUT|DELETE")
                                    && route.path().startsWith("/api/articles")) {
                        acknowledge(route.toString(), target, reply);
                    }
                } else {
                    refused++;
                    boolean anonymous = caller.equals(DesignRoutes.ANONYMOUS);
                    if (!(anonymous ? reply.isProblem(401, "unauthenticated") : reply.isProblem(403, "forbidden"))) {
                        wrong.add(route + " as " + caller + ": expected " + (anonymous ? 401 : 403) + ", got " + reply);
                    }
                    if (head() != head) {
                        wrong.add(route + " as " + caller + " was refused but the log grew");
                    }
                    if (route.method().equals("DELETE")
                            && route.path().startsWith("/api/webhooks")
                            && http.get(target.path(), "integrator").status() != 200) {
                        wrong.add(route + " as " + caller + " was refused but the webhook is gone");
                    }
                    if (route.method().equals("DELETE")
                            && route.path().startsWith("/syndication/webhooks")
                            && http.get(target.path(), "partner").status() != 200) {
                        wrong.add(route + " as " + caller + " was refused but the partner's webhook is gone");
                    }
                }
            }
        }
        Scenarios.report(
                SCENARIO,
                "role matrix: " + DesignRoutes.ROUTES.size() + " routes x "
                        + DesignRoutes.CALLERS.size() + " callers = " + (allowed + refused) + " cells, " + allowed
                        + " allowed, " + refused + " refused, " + wrong.size() + " wrong");
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(3)
    void credentialsAndActorsInARequestNeverChangeTheRecordedActor() {
        Http.Reply drafted = http.call("POST", "/api/articles?actor=editor&user=editor")
                .as("reporter")
                .header("X-User", "editor")
                .header("X-Forwarded-User", "editor")
                .header("X-Remote-User", "editor")
                .header("X-Actor", "editor")
                .header("X-Auth-User", "editor")
                .header("X-Roles", "editor")
                .header("Authorization", Http.basic("editor", Http.PASSWORD))
                .correlation(correlation())
                .json(Map.of("headline", "Who wrote this?", "body", "<p>Me.</p>"))
                .send();
        assertThat(drafted.status()).as("%s", drafted).isIn(201, 400);
        Scenarios.report(
                SCENARIO,
                "a reporter's draft with an editor in X-User, X-Forwarded-User, X-Remote-User,"
                        + " X-Actor, X-Auth-User, X-Roles, ?actor= and a second Authorization header: "
                        + drafted.status()
                        + (drafted.status() == 201 ? ", recorded as the reporter's" : ", refused"));
        if (drafted.status() == 201) {
            String id = drafted.json().path("id").asText();
            acknowledge("DraftArticle", new Target("/api/articles/" + id, null, id), drafted);
            Http.Reply revised = http.call("PATCH", "/api/articles/" + id)
                    .as("reporter")
                    .header("X-Forwarded-User", "auditor")
                    .header("Authorization", Http.basic("editor", Http.PASSWORD))
                    .correlation(correlation())
                    .json(Map.of("headline", "Who revised this?"))
                    .send();
            assertThat(revised.status()).isEqualTo(200);
            acknowledge("ReviseArticle", new Target("/api/articles/" + id, null, id), revised);
            JsonNode history = http.getJson(
                            "/audit/articles/" + id + "/history?atLeast=" + revised.position(), "auditor")
                    .path("entries");
            assertThat(history)
                    .allSatisfy(
                            entry -> assertThat(entry.path("actor").asText()).isEqualTo("reporter"));
            assertThat(http.getJson("/api/articles/" + id + "?atLeast=" + revised.position(), "editor")
                            .path("updatedBy")
                            .asText())
                    .isEqualTo("reporter");
            assertThat(http.call("POST", "/api/articles/" + id + "/publish")
                            .as("reporter")
                            .header("X-User", "editor")
                            .header("X-Roles", "editor")
                            .header("Authorization", Http.basic("editor", Http.PASSWORD))
                            .send()
                            .status())
                    .as("a reporter with an editor's header publishing")
                    .isEqualTo(403);
        }
        long head = head();
        for (Map<String, Object> forged : List.of(
                Map.<String, Object>of("headline", "Forged", "actor", "editor"),
                Map.<String, Object>of("headline", "Forged", "metaData", Map.of("actor", "editor")),
                Map.<String, Object>of("headline", "Forged", "user", "editor", "password", Http.PASSWORD),
                Map.<String, Object>of("headline", "Forged", "updatedBy", "editor", "createdBy", "editor"))) {
            Http.Reply reply = http.call("POST", "/api/articles")
                    .as("reporter")
                    .json(forged)
                    .send();
            assertThat(reply.isProblem(400, "unknown-property"))
                    .as("%s: %s", forged, reply)
                    .isTrue();
        }
        assertThat(http.call("POST", "/api/articles")
                        .json(Map.of("headline", "Anonymous", "user", "editor", "password", Http.PASSWORD))
                        .send()
                        .isProblem(401, "unauthenticated"))
                .isTrue();
        assertThat(head()).as("the log after forged bodies").isEqualTo(head);
    }

    @Test
    @Order(4)
    void scriptsEventHandlersAndJavascriptLinksAreRejectedAndRecordNothing() {
        List<String> hostile = List.of(
                "<p>Hello</p><script>alert(1)</script>",
                "<p onclick=\"alert(1)\">Hello</p>",
                "<p><a href=\"https://example.com\" onmouseover=\"alert(1)\">link</a></p>",
                "<p><a href=\"javascript:alert(1)\">link</a></p>",
                "<p><a href=\"JaVaScRiPt:alert(1)\">link</a></p>",
                "<p><a href=\" javascript:alert(1)\">link</a></p>",
                "<p><a href=\"jav&#x09;ascript:alert(1)\">link</a></p>",
                "<p><a href=\"&#106;avascript:alert(1)\">link</a></p>",
                "<p><a href=\"vbscript:msgbox(1)\">link</a></p>",
                "<p><a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">link</a></p>",
                "<img src=x onerror=alert(1)>",
                "<svg onload=alert(1)></svg>",
                "<p style=\"background:url(javascript:alert(1))\">Hello</p>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<p><scr<script>ipt>alert(1)</script></p>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<p>Hello</p><!--<script>alert(1)</script>-->",
                "<form action=\"javascript:alert(1)\"><button>go</button></form>",
                "<object data=\"https://evil.example/x.swf\"></object>",
                "<base href=\"https://evil.example/\"><p>Hello</p>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">");
        String draft = draft();
        long head = head();
        List<String> accepted = new ArrayList<>();
        for (String body : hostile) {
            Http.Reply drafted = http.call("POST", "/api/articles")
                    .as("reporter")
                    .json(Map.of("headline", "Hostile", "body", body))
                    .send();
            Http.Reply revised = http.call("PATCH", "/api/articles/" + draft)
                    .as("reporter")
                    .json(Map.of("body", body))
                    .send();
            for (Http.Reply reply : List.of(drafted, revised)) {
                if (!reply.isProblem(400, "validation-failed")) {
                    accepted.add(body + " -> " + reply);
                }
            }
        }
        for (String uri : List.of("javascript:alert(1)", "data:image/png;base64,AAAA", "file:///etc/passwd")) {
            Http.Reply photo = http.call("POST", "/api/articles/" + draft + "/photos")
                    .as("reporter")
                    .json(Map.of("uri", uri, "caption", "c", "credit", "c"))
                    .send();
            if (!photo.isProblem(400, "validation-failed")) {
                accepted.add("photo " + uri + " -> " + photo);
            }
        }
        Scenarios.report(
                SCENARIO,
                hostile.size() + " hostile bodies sent as drafts and revisions, 3 hostile photo" + " URIs: "
                        + accepted.size() + " accepted");
        assertThat(accepted).isEmpty();
        assertThat(head()).as("the log after hostile bodies").isEqualTo(head);
    }

    @Test
    @Order(5)
    void publishedNinjsCarriesNoMarkupOutsideTheAllowedSubset() {
        List<String> bodies = List.of(
                "<p>5 &lt; 6 &amp; 7 &gt; 3, <strong>bold</strong> and <em>emphasis</em></p>",
                "<p>&lt;script&gt;alert(1)&lt;/script&gt; is text here</p>",
                "<h2>Heading</h2><h3>Sub</h3><p>Line<br>break</p>",
                "<blockquote><p>Quoted</p></blockquote><ul><li>one</li></ul><ol><li>two</li></ol>",
                "<p><a href=\"https://example.com/a?b=c&amp;d=e\">a link</a> and <a href=\"http://example.org\">another</a></p>",
                "<p>\"quotes\" and 'apostrophes' and onclick=alert(1) as text</p>");
        List<String> found = new ArrayList<>();
        for (String body : bodies) {
            String id = write(
                            "POST",
                            "/api/articles",
                            "reporter",
                            Map.of("headline", "Markup " + UUID.randomUUID(), "body", body))
                    .json()
                    .path("id")
                    .asText();
            write("PUT", "/api/articles/" + id + "/byline", "reporter", byline());
            Http.Reply published =
                    write("POST", "/api/articles/" + id + "/publish", "editor", Map.of("withoutReview", UNREVIEWED));
            JsonNode ninjs =
                    http.getJson(published.json().path("url").asText() + "?atLeast=" + published.position(), null);
            ninjs.path("bodies")
                    .forEach(value -> found.addAll(
                            AllowedHtml.violations(value.path("value").asText())));
            assertThat(ninjs.path("bodies")).isNotEmpty();
        }
        Scenarios.report(
                SCENARIO,
                bodies.size() + " published bodies parsed with jsoup: " + found.size()
                        + " elements or attributes outside the allowed subset");
        assertThat(found).isEmpty();
    }

    @Test
    @Order(6)
    void aPayloadWithJacksonPolymorphicTypeIdsIsRejected() {
        long head = head();
        int webhooks = http.getJson("/api/webhooks", "integrator").path("items").size();
        List<String> accepted = new ArrayList<>();
        List<Object> drafts = List.of(
                Map.of("@class", "org.newsroom.command.article.web.DraftArticleRequest", "headline", "Typed"),
                Map.of("@type", "java.util.HashMap", "headline", "Typed"),
                Map.of("@c", ".DraftArticleRequest", "headline", "Typed"),
                Map.of("headline", Map.of("@class", "java.lang.ProcessBuilder", "command", List.of("id"))),
                List.of("org.newsroom.command.article.web.DraftArticleRequest", Map.of("headline", "Typed")),
                "[\"java.net.URL\", \"http://evil.example\"]");
        for (Object body : drafts) {
            Http.Reply reply =
                    http.call("POST", "/api/articles").as("reporter").json(body).send();
            if (!reply.isProblem(400, "unknown-property") && !reply.isProblem(400, "malformed-request")) {
                accepted.add("draft " + body + " -> " + reply);
            }
        }
        Http.Reply byline = http.call("PUT", "/api/articles/" + article + "/byline")
                .as("reporter")
                .json(Map.of("bylines", List.of(Map.of("@class", "org.newsroom.article.Byline", "name", "X"))))
                .send();
        if (byline.status() != 400) {
            accepted.add("byline -> " + byline);
        }
        Http.Reply hook = http.call("POST", "/api/webhooks")
                .as("integrator")
                .json(Map.of("@class", "java.net.URL", "url", receiver.url()))
                .send();
        if (hook.status() != 400) {
            accepted.add("webhook -> " + hook);
        }
        assertThat(accepted).isEmpty();
        assertThat(head()).isEqualTo(head);
        assertThat(http.getJson("/api/webhooks", "integrator").path("items").size())
                .isEqualTo(webhooks);
    }

    @Test
    @Order(7)
    void theAuditTrailCannotBeWrittenThroughAnyRoute() {
        String base = "/audit/articles/" + article;
        List<String> paths = List.of(
                base,
                base + "/history",
                base + "/versions",
                base + "/versions/1",
                base + "/diff?from=1&to=2",
                base + "/integrity",
                "/audit/articles",
                "/audit");
        String history = http.getJson(base + "/history", "auditor").toString();
        String integrity = http.getJson(base + "/integrity", "auditor").toString();
        List<String> wrong = new ArrayList<>();
        int attempts = 0;
        for (String path : paths) {
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                for (String caller : DesignRoutes.CALLERS) {
                    Http.Call call = http.call(method, path)
                            .json(Map.of("position", 1, "actor", "auditor", "type", "ArticleDrafted"));
                    Http.Reply reply = (caller.equals(DesignRoutes.ANONYMOUS) ? call : call.as(caller)).send();
                    attempts++;
                    if (!Set.of(401, 403, 404, 405).contains(reply.status())) {
                        wrong.add(method + " " + path + " as " + caller + " -> " + reply);
                    }
                }
            }
        }
        assertThat(http.getJson(base + "/history", "auditor").toString()).isEqualTo(history);
        assertThat(http.getJson(base + "/integrity", "auditor").toString()).isEqualTo(integrity);
        Scenarios.report(
                SCENARIO,
                attempts + " writes to the audit trail (" + paths.size() + " paths x 4 methods x "
                        + DesignRoutes.CALLERS.size() + " callers): " + wrong.size()
                        + " answered other than 401/403/404/405");
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(8)
    void theInvariantsHold() {
        Invariants.Report report = new Invariants(http, ledger).check(SCENARIO);
        Scenarios.report(SCENARIO, operations.get() + " requests of the tests' own; " + Scenarios.describe(ledger));
        report.assertClean();
    }

    @Test
    @Order(9)
    void withMongodbUriSetTheDemoUsersDoNotExist() {
        Path dataDir = Scenarios.dataDir("security-external-mongo");
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(dataDir.resolveSibling("mongo"));
                ForkedNewsroom external = new ForkedNewsroom(
                                dataDir,
                                "--newsroom.users[0].name=alice",
                                "--newsroom.users[0].password={noop}s3cret-alice",
                                "--newsroom.users[0].roles=editor,reporter,auditor,integrator,operator")
                        .withEnvironment("MONGODB_URI", mongo.connectionString() + "/newsroom")
                        .withEnvironment("NEWSROOM_WEBHOOK_KEY", ForkedNewsroom.WEBHOOK_KEY)
                        .withEnvironment("NEWSROOM_SIGNING_KEY", ForkedNewsroom.TEST_SIGNING_KEY)
                        .withEnvironment("NEWSROOM_DEMO_PASSWORD", Http.PASSWORD)) {
            external.start();
            assertThat(external.output())
                    .contains("Using MongoDB at")
                    .doesNotContain("demo users")
                    .doesNotContain("Demo users are active");
            Http client = new Http(external::uri, Map.of("alice", "s3cret-alice"));
            Map<String, String> probes = new LinkedHashMap<>();
            probes.put("reporter", "/api/articles");
            probes.put("editor", "/api/articles");
            probes.put("operator", "/actuator/projections");
            probes.put("auditor", "/audit/articles/any/history");
            probes.put("integrator", "/feed/events?after=0&limit=1");
            probes.forEach((demo, path) -> {
                assertThat(client.get(path, demo).isProblem(401, "unauthenticated"))
                        .as("%s on %s", demo, path)
                        .isTrue();
                assertThat(client.get(path, "alice").status())
                        .as("alice on %s", path)
                        .isIn(200, 404);
            });
            assertThat(client.call("POST", "/api/articles")
                            .as("reporter")
                            .json(Map.of("headline", "Demo?"))
                            .send()
                            .isProblem(401, "unauthenticated"))
                    .isTrue();
            Scenarios.report(
                    SCENARIO,
                    "with MONGODB_URI: the five demo users answered 401 on their routes, the"
                            + " configured user got in; no loopback-only notice");
        }
    }

    @Test
    @Order(10)
    void theDemoUsersListenOnLoopbackOnly() {
        assertThat(newsroom.output())
                .contains("Demo users are active: listening on 127.0.0.1 only; set server.address to listen elsewhere");
        Scenarios.report(SCENARIO, "embedded default: \"Demo users are active: listening on 127.0.0.1 only\" logged");
    }

    @Test
    @Order(11)
    void fiftySlowAnonymousBodiesDoNotStarveTheHealthCheck() throws IOException {
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        List<Long> latencies = new ArrayList<>();
        int refused = 0;
        try {
            for (int i = 0; i < 50; i++) {
                Socket socket = new Socket("127.0.0.1", newsroom.port());
                socket.getOutputStream()
                        .write(("POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                        + "Content-Length: 100000\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                slow.add(socket);
            }
            trickle.scheduleAtFixedRate(
                    () -> slow.forEach(socket -> {
                        try {
                            socket.getOutputStream().write('x');
                        } catch (IOException answeredAndClosed) {
                            // the server answered and hung up: what it should do
                        }
                    }),
                    0,
                    1,
                    TimeUnit.SECONDS);
            Http health = http.withTimeout(Duration.ofSeconds(5));
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until) {
                Http.Reply reply = health.get("/actuator/health", null);
                assertThat(reply.status()).as("%s", reply).isEqualTo(200);
                latencies.add(reply.millis());
            }
            for (Socket socket : slow) {
                socket.setSoTimeout(5_000);
                byte[] head = socket.getInputStream().readNBytes(12);
                if (new String(head, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 401")) {
                    refused++;
                }
            }
        } finally {
            trickle.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        long p99 = sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.99) - 1));
        Scenarios.report(
                SCENARIO,
                "50 anonymous clients trickling a body (1 byte/s): " + refused + " answered 401 at once; "
                        + sorted.size() + " health checks meanwhile, p50 " + sorted.get(sorted.size() / 2)
                        + " ms, p99 " + p99 + " ms, max " + sorted.get(sorted.size() - 1) + " ms");
        assertThat(refused).isEqualTo(50);
        assertThat(p99).as("health p99, ms").isLessThan(1_000);
    }

    @Test
    @Order(12)
    void headFollowsTheRulesOfGet() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(ANONYMOUS_HEAD, 401);
        expected.put("auditor", 403);
        expected.put("integrator", 403);
        expected.put("operator", 403);
        expected.put("reporter", 200);
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/api/articles", "/api/articles/" + article)) {
            expected.forEach((caller, status) -> {
                Http.Call head = http.call("HEAD", path);
                Http.Reply reply = (caller.equals(ANONYMOUS_HEAD) ? head : head.as(caller)).send();
                if (reply.status() != status) {
                    wrong.add("HEAD " + path + " as " + caller + ": " + reply.status());
                }
            });
        }
        Scenarios.report(
                SCENARIO,
                "HEAD on the editorial reads as anonymous, auditor, integrator, operator, reporter: " + wrong.size()
                        + " answered otherwise than GET would");
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(13)
    void metricsHealthDetailsAndProjectionsAreTheOperators() {
        JsonNode anonymousHealth = http.getJson("/actuator/health", null);
        assertThat(anonymousHealth.has("components")).isFalse();
        assertThat(anonymousHealth.toString()).doesNotContain("diskSpace").doesNotContain("path");
        assertThat(http.getJson("/actuator/health", "operator")
                        .path("components")
                        .has("diskSpace"))
                .isTrue();
        assertThat(http.get("/actuator/prometheus", null).isProblem(401, "unauthenticated"))
                .isTrue();
        assertThat(http.get("/actuator/prometheus", "editor").isProblem(403, "forbidden"))
                .isTrue();
        assertThat(http.get("/actuator/prometheus", "operator").status()).isEqualTo(200);
        assertThat(http.post("/actuator/projections/site/rebuild", "editor", null)
                        .isProblem(403, "forbidden"))
                .isTrue();
        Scenarios.report(
                SCENARIO,
                "anonymous health: " + anonymousHealth + "; /actuator/prometheus 401 anonymous, 403 editor, 200"
                        + " operator; a rebuild as editor 403");
    }

    @Test
    @Order(14)
    void theLiveStreamTellsEachRoleOnlyWhatItMayRead() {
        long head = head();
        Map<String, List<JsonNode>> streams = new LinkedHashMap<>();
        for (String role : List.of("reporter", "editor", "auditor", "integrator")) {
            streams.put(role, readStream(role, head));
        }
        List<String> leaks = new ArrayList<>();
        streams.forEach((role, events) -> {
            assertThat(events).as(role).hasSize((int) head);
            for (JsonNode event : events) {
                boolean payload = event.has("data");
                if (role.equals("integrator") != payload) {
                    leaks.add(role + " at " + event.path("position") + ": data " + (payload ? "sent" : "missing"));
                }
                if (!role.equals("integrator")
                        && !(event.has("id")
                                && event.has("type")
                                && event.has("subject")
                                && event.has("time")
                                && event.has("position")
                                && event.has("articleversion"))) {
                    leaks.add(role + " at " + event.path("position") + ": " + event);
                }
            }
        });
        Scenarios.report(
                SCENARIO,
                "/feed/stream?after=0 (" + head + " events): reporters, editors and auditors get ids, type, time,"
                        + " position, version and actor without data; integrators every payload; " + leaks.size()
                        + " wrong");
        assertThat(leaks).isEmpty();
    }

    @Test
    @Order(15)
    void everyRefusalOfTheServerIsAProblem() {
        Map<String, Http.Reply> answers = new LinkedHashMap<>();
        answers.put("GET /error as editor", http.get("/error", "editor"));
        answers.put(
                "merge-patch+json",
                http.call("POST", "/api/articles")
                        .as("reporter")
                        .body("{\"headline\":\"Typed\"}", "application/merge-patch+json")
                        .send());
        List<String> wrong = new ArrayList<>();
        for (String raw : List.of(
                "//api/articles",
                "/api/%2e%2e/articles",
                "/api/articles;x=1",
                "/site/articles?q=" + "x".repeat(9_000))) {
            String answer = rawRequest("GET " + raw + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            if (!answer.startsWith("HTTP/1.1 400") || !answer.contains("application/problem+json")) {
                wrong.add(raw.substring(0, Math.min(40, raw.length())) + " -> "
                        + answer.lines().findFirst().orElse(""));
            }
        }
        for (String charset : List.of("ISO-8859-1", "UTF-16")) {
            Http.Reply reply = http.call("POST", "/api/articles")
                    .as("reporter")
                    .body("{\"headline\":\"Encoded\"}", "application/json; charset=" + charset)
                    .send();
            answers.put(charset, reply);
        }
        if (!answers.get("GET /error as editor").isProblem(404, "not-found")) {
            wrong.add("/error -> " + answers.get("GET /error as editor"));
        }
        for (String name : List.of("merge-patch+json", "ISO-8859-1", "UTF-16")) {
            if (!answers.get(name).isProblem(415, "unsupported-media-type")) {
                wrong.add(name + " -> " + answers.get(name));
            }
        }
        Scenarios.report(
                SCENARIO,
                "/error, //, %2e, ;, a URL over 8 KB, merge-patch+json, Latin-1 and UTF-16 bodies: all problems (404,"
                        + " 400 x4, 415 x3); " + wrong.size() + " not");
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(16)
    void invisibleTextAndBidiControlsAreRefusedAndRecordNothing() {
        long head = head();
        String invisible = "\u200B\u200C\u200D\u2060\uFEFF";
        Http.Reply headline = http.call("POST", "/api/articles")
                .as("reporter")
                .json(Map.of("headline", invisible, "body", "<p>" + invisible + "</p>"))
                .send();
        Http.Reply byline = http.call("PUT", "/api/articles/" + article + "/byline")
                .as("reporter")
                .json(Map.of("bylines", List.of(Map.of("name", "Angus \u202EnonniKcaM"))))
                .send();
        assertThat(headline.isProblem(400, "validation-failed"))
                .as("%s", headline)
                .isTrue();
        assertThat(headline.json().path("errors").get(0).path("field").asText()).isEqualTo("headline");
        assertThat(byline.isProblem(400, "validation-failed")).as("%s", byline).isTrue();
        assertThat(byline.json().path("errors").get(0).path("field").asText()).isEqualTo("bylines[0].name");
        assertThat(head()).isEqualTo(head);
        Scenarios.report(
                SCENARIO, "a zero-width headline and an RTL override in a byline: 400, fields named, nothing recorded");
    }

    @Test
    @Order(17)
    void aWriteFromAnotherOriginIsRefusedWhateverItCarries() {
        long deliveries = http.getJson("/api/webhooks/" + webhook + "/deliveries", "integrator")
                .toString()
                .length();
        Http.Reply redeliver = http.call("POST", "/api/webhooks/" + webhook + "/redeliver")
                .as("integrator")
                .header("Origin", "http://evil.example")
                .header("Content-Type", "text/plain")
                .send();
        assertThat(redeliver.isProblem(403, "cross-origin-request"))
                .as("%s", redeliver)
                .isTrue();
        Http.Reply signedIn = http.call("POST", "/api/session")
                .json(Map.of("user", "editor", "password", Http.PASSWORD))
                .send();
        String setCookie = signedIn.header("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        Http.Reply withCookieNoOrigin = http.call("POST", "/api/articles/" + article + "/kill")
                .header("Cookie", cookie)
                .json(Map.of("reason", "Forged", "notice", "Forged"))
                .send();
        assertThat(withCookieNoOrigin.isProblem(403, "cross-origin-request"))
                .as("%s", withCookieNoOrigin)
                .isTrue();
        assertThat(http.call("GET", "/api/me")
                        .header("Cookie", cookie)
                        .send()
                        .json()
                        .path("name")
                        .asText())
                .isEqualTo("editor");
        assertThat(http.getJson("/api/webhooks/" + webhook + "/deliveries", "integrator")
                        .toString()
                        .length())
                .isEqualTo(deliveries);
        Scenarios.report(
                SCENARIO,
                "a text/plain redeliver with Origin http://evil.example as integrator: " + redeliver.status()
                        + " cross-origin-request; a cookie-signed kill without Origin: " + withCookieNoOrigin.status()
                        + "; the session cookie is HttpOnly and SameSite=Strict");
    }

    @Test
    @Order(18)
    void failedSignInsAreThrottledAndDoNotSlowThePublicSite() throws Exception {
        List<Long> failures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Http.Reply refused = http.call("GET", "/api/me")
                    .header("Authorization", Http.basic("mallory", "guess-" + i))
                    .send();
            assertThat(refused.status()).isEqualTo(401);
            failures.add(refused.millis());
        }
        Http.Reply sixth = http.call("GET", "/api/me")
                .header("Authorization", Http.basic("mallory", "guess-6"))
                .send();
        assertThat(sixth.isProblem(429, "too-many-sign-in-attempts"))
                .as("%s", sixth)
                .isTrue();
        assertThat(sixth.header("Retry-After")).isPresent();

        assertThat(http.get("/api/me", "editor").status())
                .as("the editor, signed in before the attack")
                .isEqualTo(200);
        List<Long> before = siteLatencies(40);
        ExecutorService attackers = Executors.newFixedThreadPool(20);
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger throttled = new AtomicInteger();
        long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        List<Long> during;
        try {
            for (int i = 0; i < 20; i++) {
                attackers.execute(() -> {
                    while (System.nanoTime() < until) {
                        Http.Reply reply = http.call("GET", "/api/me")
                                .header("Authorization", Http.basic("editor", "not-" + UUID.randomUUID()))
                                .send();
                        attempts.incrementAndGet();
                        if (reply.status() == 429) {
                            throttled.incrementAndGet();
                        }
                    }
                });
            }
            during = siteLatencies(40);
            assertThat(http.get("/api/me", "editor").status())
                    .as("the editor, signed in before, keeps working during the attack")
                    .isEqualTo(200);
        } finally {
            attackers.shutdown();
            assertThat(attackers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        long beforeP50 = before.get(before.size() / 2);
        long duringP50 = during.get(during.size() / 2);
        long duringP95 = during.get((int) Math.ceil(during.size() * 0.95) - 1);
        Scenarios.report(
                SCENARIO,
                "sign-in failures: 5 wrong passwords for one user answered 401 in " + failures + " ms, the 6th 429 in "
                        + sixth.millis() + " ms (Retry-After "
                        + sixth.header("Retry-After").orElse("?") + "); 20"
                        + " clients guessing the editor's password: " + attempts.get() + " attempts, "
                        + throttled.get() + " answered 429; /site/articles p50 " + beforeP50 + " ms before, "
                        + duringP50 + " ms during (p95 " + duringP95 + " ms)");
        assertThat(sixth.millis()).as("the 6th attempt, ms").isLessThan(500);
        assertThat(throttled.get()).isGreaterThan(attempts.get() / 2);
        assertThat(duringP50).as("/site p50 during the attack, ms").isLessThan(Math.max(200, beforeP50 * 5));
    }

    // ---- fixtures ----

    /** Why the fixtures publish articles that were never in review. */
    private static final String UNREVIEWED = "A fixture of the security suite";

    /** A time no schedule or embargo of this suite reaches while it runs. */
    private static String tomorrow() {
        return Instant.now().plus(Duration.ofDays(1)).toString();
    }

    private static final String ANONYMOUS_HEAD = DesignRoutes.ANONYMOUS;

    /** {@code count} reads of the public site's list, one after the other: their times in ms, sorted. */
    private List<Long> siteLatencies(int count) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Http.Reply reply = http.get("/site/articles?limit=5", null);
            assertThat(reply.status()).isEqualTo(200);
            latencies.add(reply.millis());
        }
        latencies.sort(null);
        return latencies;
    }

    /** The stream from the start as {@code role}: its first {@code count} events, read within 30 s. */
    private List<JsonNode> readStream(String role, long count) {
        List<JsonNode> events = java.util.Collections.synchronizedList(new ArrayList<>());
        HttpRequest request = HttpRequest.newBuilder(http.uri("/feed/stream?after=0"))
                .header("Authorization", Http.basic(role, Http.PASSWORD))
                .header("Accept", "text/event-stream")
                .build();
        java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response =
                http.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try (java.util.stream.Stream<String> lines = response.get().body()) {
                lines.filter(line -> line.startsWith("data:"))
                        .map(line -> Http.parse(line.substring(5)))
                        .takeWhile(event -> events.size() < count)
                        .forEach(events::add);
            } catch (Exception e) {
                // the stream ends when the test has read enough
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> events.size() >= count);
        } finally {
            response.cancel(true);
            reader.interrupt();
        }
        return List.copyOf(events).subList(0, (int) count);
    }

    private String rawRequest(String request) {
        try (Socket socket = new Socket("127.0.0.1", newsroom.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "no answer: " + e;
        }
    }

    /** Where a cell's request goes: its path (with query), its body, and the article it is about, if any. */
    private record Target(String path, Object body, String articleId) {}

    /** A body sent as it is, not as JSON. */
    private record Upload(byte[] bytes, String contentType) {}

    /** A 640 × 480 JPEG, made here. */
    private static byte[] jpeg() {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.ORANGE);
        graphics.fillRect(0, 0, 640, 240);
        graphics.dispose();
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The media id of an image uploaded, attached to an article and published: public from then on. */
    private String publishedImage() {
        operations.incrementAndGet();
        Http.Reply uploaded = http.call("POST", "/api/media")
                .as("reporter")
                .correlation(correlation())
                .body(jpeg(), "image/jpeg")
                .send();
        assertThat(uploaded.status()).as("upload: %s", uploaded).isEqualTo(201);
        String mediaId = uploaded.json().path("mediaId").asText();
        String id = draft();
        write(
                "POST",
                "/api/articles/" + id + "/photos",
                "reporter",
                Map.of("mediaId", mediaId, "caption", "A caption", "credit", "A credit"));
        write("PUT", "/api/articles/" + id + "/byline", "reporter", byline());
        write("POST", "/api/articles/" + id + "/publish", "editor", Map.of("withoutReview", UNREVIEWED));
        return mediaId;
    }

    private Target prepare(DesignRoutes.Route route) {
        String path = route.path();
        String method = route.method();
        if (path.startsWith("/api/articles/{id}/agency-update/")) {
            String id = heldAgencyUpdate();
            return new Target(
                    "/api/articles/" + id + path.substring("/api/articles/{id}".length()),
                    Map.of("itemVersion", "2"),
                    id);
        }
        if (path.startsWith("/api/articles/{id}") && !method.equals("GET")) {
            String id = draft();
            String at = "/api/articles/" + id;
            return switch (path.substring("/api/articles/{id}".length())) {
                case "" -> new Target(at, Map.of("headline", "Revised " + UUID.randomUUID()), id);
                case "/photos" -> new Target(at + "/photos", photo(), id);
                case "/photos/{photoId}" ->
                    new Target(
                            at + "/photos/" + attachPhoto(id),
                            method.equals("PATCH") ? Map.of("caption", "Changed " + UUID.randomUUID()) : null,
                            id);
                case "/byline" -> new Target(at + "/byline", byline(), id);
                case "/photos/order" -> {
                    String first = attachPhoto(id);
                    String second = attachPhoto(id);
                    yield new Target(at + "/photos/order", Map.of("photoIds", List.of(second, first)), id);
                }
                case "/submit" -> new Target(at + "/submit", Map.of("note", "Please review"), id);
                case "/request-changes" -> {
                    write("POST", at + "/submit", "reporter", Map.of("note", "Please review"));
                    yield new Target(at + "/request-changes", Map.of("note", "More, please"), id);
                }
                case "/publish" -> {
                    write("PUT", at + "/byline", "reporter", byline());
                    write("POST", at + "/submit", "reporter", Map.of("note", "Please review"));
                    yield new Target(at + "/publish", null, id);
                }
                case "/unpublish" -> {
                    write("PUT", at + "/byline", "reporter", byline());
                    write("POST", at + "/publish", "editor", Map.of("withoutReview", UNREVIEWED));
                    yield new Target(at + "/unpublish", Map.of("reason", "Outdated"), id);
                }
                case "/comments" -> new Target(at + "/comments", Map.of("text", "Sources?"), id);
                case "/schedule" -> {
                    write("POST", at + "/submit", "reporter", Map.of("note", "Please review"));
                    if (method.equals("DELETE")) {
                        write("PUT", at + "/schedule", "editor", Map.of("at", tomorrow()));
                    }
                    yield new Target(at + "/schedule", method.equals("PUT") ? Map.of("at", tomorrow()) : null, id);
                }
                case "/embargo" -> {
                    if (method.equals("DELETE")) {
                        write("PUT", at + "/embargo", "editor", Map.of("until", tomorrow()));
                    }
                    yield new Target(at + "/embargo", method.equals("PUT") ? Map.of("until", tomorrow()) : null, id);
                }
                case "/kill" -> new Target(at + "/kill", Map.of("reason", "Legal", "notice", "Withdrawn"), id);
                default -> throw new IllegalStateException("no fixture for " + route);
            };
        }
        return switch (route.toString()) {
            case "POST /api/articles" ->
                new Target(path, Map.of("headline", "Drafted " + UUID.randomUUID(), "body", "<p>Body.</p>"), null);
            case "GET /api/articles/{id}" -> new Target("/api/articles/" + article, null, article);
            case "GET /api/articles/{id}/preview" -> new Target("/api/articles/" + article + "/preview", null, article);
            case "POST /api/media" -> new Target(path, new Upload(jpeg(), "image/jpeg"), null);
            case "GET /media/{mediaId}/{rendition}" -> new Target("/media/" + publishedImage() + "/320", null, null);
            case "GET /site/articles/{slug}" -> new Target("/site/articles/" + slug, null, article);
            case "GET /audit/articles" -> new Target("/audit/articles?q=markup", null, null);
            case "GET /audit/articles/{id}/history" ->
                new Target("/audit/articles/" + article + "/history", null, null);
            case "GET /audit/articles/{id}/versions/{v}" ->
                new Target("/audit/articles/" + article + "/versions/1", null, null);
            case "GET /audit/articles/{id}/versions" ->
                new Target("/audit/articles/" + article + "/versions?at=" + Instant.now(), null, null);
            case "GET /audit/articles/{id}/diff" ->
                new Target("/audit/articles/" + article + "/diff?from=1&to=2", null, null);
            case "GET /audit/articles/{id}/integrity" ->
                new Target("/audit/articles/" + article + "/integrity", null, null);
            case "GET /audit/log/proof/inclusion" -> new Target("/audit/log/proof/inclusion?position=1", null, null);
            case "GET /audit/log/proof/consistency" ->
                new Target("/audit/log/proof/consistency?from=1&to=1", null, null);
            case "GET /feed/events" -> new Target("/feed/events?after=0&limit=1", null, null);
            case "POST /api/ingest" -> new Target(path, agencyItem("urn:security:" + UUID.randomUUID(), "1"), null);
            case "GET /api/ingest/originals/{sha256}" ->
                new Target(
                        "/api/ingest/originals/"
                                + write(
                                                "POST",
                                                "/api/ingest",
                                                "ingest",
                                                agencyItem("urn:security:" + UUID.randomUUID(), "1"))
                                        .json()
                                        .path("sha256")
                                        .asText(),
                        null,
                        null);
            case "GET /syndication/events" -> new Target("/syndication/events?after=0&limit=1", null, null);
            case "GET /feed/stream" -> new Target("/feed/stream?after=" + head(), null, null);
            case "POST /api/webhooks" -> new Target(path, Map.of("url", receiver.url()), null);
            case "GET /api/webhooks/{webhookId}" -> new Target("/api/webhooks/" + webhook, null, null);
            case "DELETE /api/webhooks/{webhookId}" -> new Target("/api/webhooks/" + registerWebhook(), null, null);
            case "GET /api/webhooks/{webhookId}/deliveries" ->
                new Target("/api/webhooks/" + webhook + "/deliveries", null, null);
            case "POST /api/webhooks/{webhookId}/redeliver" ->
                new Target("/api/webhooks/" + webhook + "/redeliver", null, null);
            case "POST /syndication/webhooks" -> new Target(path, Map.of("url", receiver.url()), null);
            case "GET /syndication/webhooks/{webhookId}" ->
                new Target("/syndication/webhooks/" + partnerWebhook, null, null);
            case "DELETE /syndication/webhooks/{webhookId}" ->
                new Target("/syndication/webhooks/" + registerPartnerWebhook(), null, null);
            case "GET /syndication/webhooks/{webhookId}/deliveries" ->
                new Target("/syndication/webhooks/" + partnerWebhook + "/deliveries", null, null);
            default -> new Target(path, null, null);
        };
    }

    private Http.Reply send(DesignRoutes.Route route, Target target, String caller) {
        operations.incrementAndGet();
        if (route.path().equals("/feed/stream")) {
            return openStream(target.path(), caller);
        }
        Http.Call call = http.call(route.method(), target.path()).correlation(correlation());
        if (!caller.equals(DesignRoutes.ANONYMOUS)) {
            call.as(caller);
        }
        if (target.body() instanceof Upload upload) {
            call.body(upload.bytes(), upload.contentType());
        } else if (target.body() != null) {
            call.json(target.body());
        }
        return call.send();
    }

    /** A stream never ends: its status and headers are the answer. */
    private Http.Reply openStream(String path, String caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream");
        if (!caller.equals(DesignRoutes.ANONYMOUS)) {
            request.header("Authorization", Http.basic(caller, Http.PASSWORD));
        }
        try {
            HttpResponse<InputStream> response =
                    http.client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body = response.statusCode() == 200
                    ? ""
                    : new String(response.body().readAllBytes());
            response.body().close();
            return new Http.Reply(response.statusCode(), response.headers().map(), body, null, 0);
        } catch (IOException e) {
            return Http.Reply.none(e.toString(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Http.Reply.none("interrupted", 0);
        }
    }

    private void acknowledge(String command, Target target, Http.Reply reply) {
        String id = target.articleId() != null
                ? target.articleId()
                : reply.json().path("id").asText();
        ledger.attempted();
        ledger.acknowledged(new Ledger.Ack(
                command,
                id,
                reply.etagVersion(),
                reply.position(),
                reply.header("X-Correlation-Id").orElseThrow(),
                null));
    }

    /** An agency item, ninjs 3.1, from AFP. */
    private static Map<String, Object> agencyItem(String uri, String version) {
        return Map.of(
                "uri", uri,
                "version", version,
                "headlines", List.of(Map.of("role", "main", "value", "Wire story " + version)),
                "bodies", List.of(Map.of("role", "main", "contentType", "text/html", "value", "<p>From the wire.</p>")),
                "infoSources", List.of(Map.of("name", "AFP")));
    }

    /**
     * An ingested article the desk edited, with the agency's version 2 held for an editor: its id. The desk's edit is
     * the agency's next headline, so applying or dismissing the held version records one event (I4).
     */
    private String heldAgencyUpdate() {
        String uri = "urn:security:" + UUID.randomUUID();
        String id = write("POST", "/api/ingest", "ingest", agencyItem(uri, "1"))
                .json()
                .path("articleId")
                .asText();
        write("PATCH", "/api/articles/" + id, "editor", Map.of("headline", "Wire story 2"));
        write("POST", "/api/ingest", "ingest", agencyItem(uri, "2"));
        return id;
    }

    private String draft() {
        return write(
                        "POST",
                        "/api/articles",
                        "reporter",
                        Map.of("headline", "Story " + UUID.randomUUID(), "body", "<p>A story.</p>"))
                .json()
                .path("id")
                .asText();
    }

    private String attachPhoto(String id) {
        return write("POST", "/api/articles/" + id + "/photos", "reporter", photo())
                .json()
                .path("photoId")
                .asText();
    }

    private static Map<String, Object> photo() {
        return Map.of(
                "uri",
                "https://images.example.com/" + UUID.randomUUID() + ".jpg",
                "caption",
                "A caption",
                "credit",
                "Reliability/AFP");
    }

    private static Map<String, Object> byline() {
        return Map.of("bylines", List.of(Map.of("name", "Angus MacKinnon", "role", "author", "affiliation", "AFP")));
    }

    private String registerWebhook() {
        Http.Reply reply = http.post("/api/webhooks", "integrator", Map.of("url", receiver.url()));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("id").asText();
    }

    private String registerPartnerWebhook() {
        Http.Reply reply = http.post("/syndication/webhooks", "partner", Map.of("url", receiver.url()));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("id").asText();
    }

    /** A write of the fixtures, which must succeed; recorded as acknowledged when it is an article's. */
    private Http.Reply write(String method, String path, String user, Object body) {
        operations.incrementAndGet();
        Http.Call call = http.call(method, path).as(user).correlation(correlation());
        if (body != null) {
            call.json(body);
        }
        Http.Reply reply = call.send();
        assertThat(reply.ok()).as("%s %s: %s", method, path, reply).isTrue();
        if (path.startsWith("/api/articles")) {
            String id = path.equals("/api/articles") ? reply.json().path("id").asText() : path.split("/")[3];
            acknowledge(method + " " + path, new Target(path, body, id), reply);
        }
        return reply;
    }

    private String correlation() {
        return "security-" + UUID.randomUUID();
    }

    /**
     * The position of the last article event: what requests record. The log's own checkpoints are appended on the
     * transparency log's schedule, so they are not counted; but one may take a position before a write that commits
     * first, and the feed, which reads the log without gaps, shows that write only once the checkpoint is in. So the
     * feed is read until it has reached the head the instance reported before the reading.
     */
    private long head() {
        long known =
                http.getJson("/actuator/projections", "operator").path("head").asLong();
        return await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> lastArticleEvent(known), last -> last != null)
                .longValue();
    }

    /** The last article event's position once the feed has passed {@code known}; null while it has not. */
    private @Nullable Long lastArticleEvent(long known) {
        long reached = 0;
        long last = 0;
        for (long from = Math.max(0, known - 64); ; from = Math.max(0, from - 64)) {
            for (JsonNode event : http.getJson("/feed/events?after=" + from + "&limit=1000", "integrator")
                    .path("events")) {
                reached = Math.max(reached, event.path("position").asLong());
                if (event.path("type").asText().startsWith("news.article.")) {
                    last = Math.max(last, event.path("position").asLong());
                }
            }
            if (reached < known) {
                return null;
            }
            if (last > 0 || from == 0) {
                return last;
            }
        }
    }

    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }
}
