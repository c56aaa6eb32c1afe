package org.newsroom.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.AccessRules;
import org.newsroom.platform.security.Role;
import org.newsroom.platform.security.RouteAccess;
import org.newsroom.testing.ApiClient;
import org.newsroom.testing.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every row of the query side's assembled {@link AccessRules} (the platform's rows and those the query routes
 * contribute, as the security filter chain is built from them) against every user: anonymous and one per role. An
 * allowed call must not be refused by security nor fail (neither 401/403 nor 5xx); a refused call answers 401 to the
 * anonymous user and 403 to the others, with a problem body. The test application also assembles the command routes'
 * rows, to record real events; those are the command side's RoleMatrixIT's.
 */
class QueryRoleMatrixIT extends QuerySideIT {

    private static final List<String> USERS =
            List.of("anonymous", "reporter", "editor", "auditor", "integrator", "operator", "ingest", "partner");
    private static final String NONE = "0f5d2c3a-0000-4000-8000-00000000dead";
    private static final HttpClient STREAMS =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    AccessRules rules;

    @Autowired
    List<RouteAccess> contributions;

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> everyRouteForEveryUser() {
        List<AccessRule> table = querySideTable();
        Map<String, Function<ApiClient, ApiResponse>> probes = probes();
        assertThat(probes.keySet())
                .as("a probe for every row of the query side's access table, and a row for every probe")
                .containsExactlyInAnyOrderElementsOf(
                        table.stream().map(QueryRoleMatrixIT::key).toList());
        List<DynamicTest> cells = new ArrayList<>();
        for (AccessRule rule : table) {
            for (String user : USERS) {
                cells.add(
                        DynamicTest.dynamicTest(rule + " as " + user, () -> check(rule, user, probes.get(key(rule)))));
            }
        }
        assertThat(cells).hasSize(table.size() * USERS.size());
        return cells.stream();
    }

    /** HEAD answers what GET answers, without the body: a row for GET decides HEAD too. */
    @TestFactory
    Stream<DynamicTest> headIsDecidedByTheRowsForGet() {
        Map<String, String> paths = Map.of(
                "GET /api/articles", "/api/articles?size=1",
                "GET /api/articles/*", "/api/articles/" + NONE,
                "GET /api/me", "/api/me");
        List<DynamicTest> cells = new ArrayList<>();
        for (AccessRule rule : querySideTable()) {
            String path = paths.get(key(rule));
            if (path == null) {
                continue;
            }
            for (String user : USERS) {
                cells.add(DynamicTest.dynamicTest("HEAD " + path + " as " + user, () -> {
                    boolean anonymous = user.equals("anonymous");
                    ApiClient caller =
                            anonymous ? ApiClient.on(port) : ApiClient.on(port).as(user);
                    Set<Role> roles = anonymous ? null : EnumSet.of(Role.valueOf(user.toUpperCase(Locale.ROOT)));
                    ApiResponse head = caller.send(
                            caller.request(path).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
                    if (rule.allows(roles)) {
                        assertThat(head.status())
                                .as("%s", head)
                                .isNotIn(401, 403)
                                .isLessThan(500);
                    } else {
                        assertThat(head.status()).as("%s", head).isEqualTo(anonymous ? 401 : 403);
                    }
                }));
            }
        }
        assertThat(cells).hasSize(paths.size() * USERS.size());
        return cells.stream();
    }

    @Test
    void onlyTheCommandRoutesRowsAreLeftToTheCommandSide() {
        assertThat(contributions)
                .filteredOn(contribution -> !isQuerySide(contribution))
                .isNotEmpty()
                .allSatisfy(contribution -> assertThat(contribution.getClass().getPackageName())
                        .as("rows left to the command side's role matrix: the command routes and the"
                                + " event log's export route, which both applications carry")
                        .matches("org\\.newsroom\\.(command|eventlog)\\..*"));
        assertThat(querySideTable()).hasSize(rules.table().size() - otherRows().size());
    }

    private void check(AccessRule rule, String user, Function<ApiClient, ApiResponse> probe) {
        boolean anonymous = user.equals("anonymous");
        ApiClient caller = anonymous ? ApiClient.on(port) : ApiClient.on(port).as(user);
        Set<Role> roles = anonymous ? null : EnumSet.of(Role.valueOf(user.toUpperCase(Locale.ROOT)));
        ApiResponse response = probe.apply(caller);
        if (rule.allows(roles)) {
            assertThat(response.status()).as("%s", response).isNotIn(401, 403).isLessThan(500);
        } else {
            int status = anonymous ? 401 : 403;
            String code = anonymous ? "unauthenticated" : "forbidden";
            assertThat(response.status()).as("%s", response).isEqualTo(status);
            assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.path("code").asText()).isEqualTo(code);
            assertThat(problem.path("type").asText()).isEqualTo("https://newsroom.example/problems/" + code);
            assertThat(problem.path("status").asInt()).isEqualTo(status);
        }
    }

    /** The assembled table without the rows contributed from outside the query side, in matching order. */
    private List<AccessRule> querySideTable() {
        List<AccessRule> others = otherRows();
        return rules.table().stream().filter(rule -> !others.contains(rule)).toList();
    }

    private List<AccessRule> otherRows() {
        return contributions.stream()
                .filter(contribution -> !isQuerySide(contribution))
                .flatMap(contribution -> contribution.rules().stream())
                .toList();
    }

    private static boolean isQuerySide(RouteAccess contribution) {
        return contribution.getClass().getPackageName().startsWith("org.newsroom.query.");
    }

    private static Map<String, Function<ApiClient, ApiResponse>> probes() {
        Map<String, Function<ApiClient, ApiResponse>> probes = new LinkedHashMap<>();
        probes.put("* /actuator/health/**", caller -> caller.get("/actuator/health"));
        probes.put("* /actuator/info", caller -> caller.get("/actuator/info"));
        probes.put("* /api/session", caller -> caller.delete("/api/session"));
        probes.put("* /v3/api-docs/**", caller -> caller.get("/v3/api-docs"));
        probes.put("* /swagger-ui/**", caller -> caller.get("/swagger-ui/index.html"));
        probes.put("* /swagger-ui.html", caller -> caller.get("/swagger-ui.html"));
        probes.put("* /site/**", caller -> caller.get("/site/articles?limit=1"));
        probes.put("GET /api/articles", caller -> caller.get("/api/articles?size=1"));
        probes.put("GET /api/articles/*", caller -> caller.get("/api/articles/" + NONE));
        probes.put("GET /api/articles/*/preview", caller -> caller.get("/api/articles/" + NONE + "/preview"));
        probes.put("* /media/**", caller -> caller.get("/media/" + NONE + "/original"));
        probes.put("* /audit/log/**", caller -> caller.get("/audit/log/public-key"));
        probes.put("* /audit/**", caller -> caller.get("/audit/articles/" + NONE + "/history"));
        probes.put("GET /feed/stream", QueryRoleMatrixIT::openStream);
        probes.put("* /feed/**", caller -> caller.get("/feed/events?after=0&limit=1"));
        probes.put("* /api/webhooks/**", caller -> caller.get("/api/webhooks"));
        probes.put("* /syndication/webhooks/**", caller -> caller.get("/syndication/webhooks"));
        probes.put("* /syndication/**", caller -> caller.get("/syndication/events?after=0&limit=1"));
        probes.put("* /asyncapi.yaml", caller -> caller.get("/asyncapi.yaml"));
        probes.put("GET /api/me", caller -> caller.get("/api/me"));
        probes.put("* /actuator/**", caller -> caller.get("/actuator/prometheus"));
        probes.put("* /**", caller -> caller.get("/anything/else"));
        return probes;
    }

    /** Opens the live stream and, once its status and headers are in, hangs up; a refusal is read whole. */
    private static ApiResponse openStream(ApiClient caller) {
        try {
            HttpResponse<InputStream> response = STREAMS.send(
                    caller.request("/feed/stream", "Accept", "text/event-stream")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                String text =
                        response.statusCode() == 200 ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
                return new ApiResponse(response.statusCode(), response.headers(), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String key(AccessRule rule) {
        return (rule.method() == null ? "*" : rule.method().name()) + " " + rule.pattern();
    }
}
