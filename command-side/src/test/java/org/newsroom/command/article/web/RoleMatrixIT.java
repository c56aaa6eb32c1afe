package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.web.StoryApi.json;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.newsroom.command.article.web.StoryApi.Article;
import org.newsroom.platform.security.AccessRule;
import org.newsroom.platform.security.AccessRules;
import org.newsroom.platform.security.Role;
import org.newsroom.testing.ApiClient;
import org.newsroom.testing.ApiResponse;
import org.newsroom.testing.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every row of the command side's assembled {@link AccessRules} (the platform's rows and the command routes', the table
 * the security filter chain is built from) against every user: anonymous and one per role. An allowed call on a
 * command route must succeed; an allowed call elsewhere must not be refused by security; a refused call answers 401
 * to the anonymous user and 403 to the others, with a problem body.
 */
class RoleMatrixIT extends CommandApiTestBase {

    private static final List<String> USERS =
            List.of("anonymous", "reporter", "editor", "auditor", "integrator", "operator", "ingest", "partner");

    /**
     * A request for one row of the table, and the status it has when allowed (0: anything but 401 and 403). A call
     * that security refuses never reaches the article, so it goes to an article that does not exist: preparing one
     * in the right state is only needed where the call is allowed.
     */
    private record Probe(
            Function<ApiClient, ApiResponse> call, Function<ApiClient, ApiResponse> refusedCall, int allowedStatus) {

        Probe(Function<ApiClient, ApiResponse> call, int allowedStatus) {
            this(call, call, allowedStatus);
        }
    }

    private static final Article NONE = new Article("0f5d2c3a-0000-4000-8000-00000000dead", 1);
    private static final Article NO_PHOTO = new Article(NONE.id() + "/photos/none", 1);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccessRules rules;

    /** The photo ids of the articles {@link #withTwoPhotos()} prepared, in the order the reorder probe sends. */
    private final Map<String, List<String>> photoIds = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyRouteForEveryUser() {
        Map<String, Probe> probes = probes();
        assertThat(probes.keySet())
                .as("a probe for every row of the access table")
                .containsExactlyInAnyOrderElementsOf(
                        rules.table().stream().map(RoleMatrixIT::key).toList());
        List<DynamicTest> cells = new ArrayList<>();
        for (AccessRule rule : rules.table()) {
            for (String user : USERS) {
                Probe probe = probes.get(key(rule));
                cells.add(DynamicTest.dynamicTest(rule + " as " + user, () -> check(rule, user, probe)));
            }
        }
        assertThat(cells).hasSize(rules.table().size() * USERS.size());
        return cells.stream();
    }

    @Test
    void everyCommandRouteHasItsOwnRowInTheTable() {
        List<String> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            if (handler.getBeanType().equals(ArticleCommandController.class)) {
                mapping.getMethodsCondition()
                        .getMethods()
                        .forEach(method -> mapping.getPatternValues()
                                .forEach(pattern -> routes.add(method.name() + " " + pattern)));
            }
        });

        assertThat(routes).hasSize(17).allSatisfy(route -> {
            String[] parts = route.split(" ");
            AccessRule rule = rules.ruleFor(HttpMethod.valueOf(parts[0]), parts[1].replaceAll("\\{[^}]+}", "some-id"));
            assertThat(rule.access()).as(route).isEqualTo(AccessRule.Access.ROLES);
            assertThat(rule.method()).as(route).isEqualTo(HttpMethod.valueOf(parts[0]));
        });
    }

    private void check(AccessRule rule, String user, Probe probe) {
        ApiClient caller = user.equals("anonymous") ? api : api.as(user);
        Set<Role> roles = user.equals("anonymous") ? null : EnumSet.of(Role.valueOf(user.toUpperCase()));
        boolean allowed = rule.allows(roles);
        ApiResponse response = (allowed ? probe.call() : probe.refusedCall()).apply(caller);
        if (allowed) {
            if (probe.allowedStatus() == 0) {
                assertThat(response.status())
                        .as("%s", response)
                        .isNotIn(401, 403)
                        .isLessThan(500);
            } else {
                assertThat(response.status()).as("%s", response).isEqualTo(probe.allowedStatus());
            }
        } else {
            assertProblem(response, roles == null ? 401 : 403, roles == null ? "unauthenticated" : "forbidden");
        }
    }

    private Map<String, Probe> probes() {
        Map<String, Probe> probes = new LinkedHashMap<>();
        for (String path : List.of(
                "/actuator/health/**", "/actuator/info", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")) {
            String sample = path.replace("/**", "");
            probes.put("* " + path, new Probe(caller -> caller.get(sample.isEmpty() ? "/" : sample), 0));
        }
        probes.put(
                "POST /api/articles",
                new Probe(caller -> caller.post("/api/articles", json(StoryApi.draftBody())), 201));
        probes.put(
                "PATCH /api/articles/*",
                command(
                        article -> story.draft(),
                        (caller, article) -> caller.patch(article.path(), json(Map.of("headline", "Revised"))),
                        200));
        probes.put(
                "POST /api/articles/*/photos/**",
                command(
                        article -> story.draft(),
                        (caller, article) -> caller.post(article.path("/photos"), json(StoryApi.LEAD_PHOTO)),
                        201));
        probes.put(
                "PATCH /api/articles/*/photos/**",
                command(
                        NO_PHOTO,
                        article -> withPhoto(),
                        (caller, article) -> caller.patch(article.path(), json(Map.of("caption", "New"))),
                        200));
        probes.put(
                "DELETE /api/articles/*/photos/**",
                command(NO_PHOTO, article -> withPhoto(), (caller, article) -> caller.delete(article.path()), 200));
        probes.put(
                "PUT /api/articles/*/photos/order",
                command(
                        article -> withTwoPhotos(),
                        (caller, article) -> caller.put(
                                article.path("/photos/order"),
                                json(Map.of("photoIds", photoIds.getOrDefault(article.id(), List.of("b", "a"))))),
                        200));
        probes.put(
                "POST /api/media",
                new Probe(
                        caller -> caller.send(caller.request("/api/media", "Content-Type", "image/jpeg")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.jpeg(64, 48)))),
                        201));
        probes.put(
                "PUT /api/articles/*/byline",
                command(
                        article -> story.draft(),
                        (caller, article) -> caller.put(article.path("/byline"), json(StoryApi.BYLINE)),
                        200));
        probes.put(
                "POST /api/articles/*/submit",
                command(
                        article -> story.draft(),
                        (caller, article) -> caller.post(article.path("/submit"), null),
                        200));
        probes.put(
                "POST /api/articles/*/comments",
                command(
                        article -> story.draft(),
                        (caller, article) -> caller.post(article.path("/comments"), json(Map.of("text", "Sources?"))),
                        201));
        probes.put(
                "PUT /api/articles/*/schedule",
                command(
                        article -> story.inReview(),
                        (caller, article) -> caller.put(article.path("/schedule"), json(Map.of("at", tomorrow()))),
                        200));
        probes.put(
                "DELETE /api/articles/*/schedule",
                command(article -> scheduled(), (caller, article) -> caller.delete(article.path("/schedule")), 200));
        probes.put(
                "PUT /api/articles/*/embargo",
                command(
                        article -> story.inReview(),
                        (caller, article) -> caller.put(article.path("/embargo"), json(Map.of("until", tomorrow()))),
                        200));
        probes.put(
                "DELETE /api/articles/*/embargo",
                command(article -> embargoed(), (caller, article) -> caller.delete(article.path("/embargo")), 200));
        probes.put("GET /api/languages", new Probe(caller -> caller.get("/api/languages"), 200));
        probes.put(
                "POST /api/articles/*/request-changes",
                command(
                        article -> story.inReview(),
                        (caller, article) ->
                                caller.post(article.path("/request-changes"), json(Map.of("note", "Add a source"))),
                        200));
        probes.put(
                "POST /api/articles/*/publish",
                command(
                        article -> story.inReview(),
                        (caller, article) -> caller.post(article.path("/publish"), null),
                        200));
        probes.put(
                "POST /api/articles/*/unpublish",
                command(
                        article -> story.published(),
                        (caller, article) -> caller.post(article.path("/unpublish"), json(Map.of("reason", "Legal"))),
                        200));
        probes.put(
                "POST /api/articles/*/kill",
                command(
                        article -> story.published(),
                        (caller, article) -> caller.post(
                                article.path("/kill"), json(Map.of("reason", "Legal", "notice", "Withdrawn"))),
                        200));
        probes.put(
                "POST /api/articles/*/agency-update/apply",
                command(
                        article -> story.draft(),
                        (caller, article) ->
                                caller.post(article.path("/agency-update/apply"), json(Map.of("itemVersion", "2"))),
                        409));
        probes.put(
                "POST /api/articles/*/agency-update/dismiss",
                command(
                        article -> story.draft(),
                        (caller, article) ->
                                caller.post(article.path("/agency-update/dismiss"), json(Map.of("itemVersion", "2"))),
                        409));
        probes.put(
                "POST /api/ingest",
                new Probe(
                        caller -> caller.post(
                                "/api/ingest",
                                json(Map.of(
                                        "uri", "urn:role-matrix:" + java.util.UUID.randomUUID(),
                                        "headlines", List.of(Map.of("value", "Wire copy")),
                                        "infoSources", List.of(Map.of("name", "AFP"))))),
                        201));
        probes.put("GET /api/ingest", new Probe(caller -> caller.get("/api/ingest"), 200));
        probes.put(
                "GET /api/ingest/originals/*",
                new Probe(caller -> caller.get("/api/ingest/originals/" + "0".repeat(64)), 404));
        probes.put("GET /admin/log/export", new Probe(caller -> caller.get("/admin/log/export"), 200));
        probes.put("GET /api/me", new Probe(caller -> caller.get("/api/me"), 200));
        probes.put("* /api/session", new Probe(caller -> caller.delete("/api/session"), 204));
        probes.put("* /actuator/**", new Probe(caller -> caller.get("/actuator/prometheus"), 0));
        probes.put("* /**", new Probe(caller -> caller.get("/anything/else"), 0));
        return probes;
    }

    /** A command route: the article is prepared in the state the command needs only when the call is allowed. */
    private static Probe command(
            Function<Article, Article> prepare, BiFunction<ApiClient, Article, ApiResponse> call, int allowedStatus) {
        return command(NONE, prepare, call, allowedStatus);
    }

    private static Probe command(
            Article refusedTarget,
            Function<Article, Article> prepare,
            BiFunction<ApiClient, Article, ApiResponse> call,
            int allowedStatus) {
        return new Probe(
                caller -> call.apply(caller, prepare.apply(refusedTarget)),
                caller -> call.apply(caller, refusedTarget),
                allowedStatus);
    }

    /** An "article" whose path is that of one of its photos. */
    /** A day ahead: no schedule of the shared application fires while the ITs run. */
    private static String tomorrow() {
        return java.time.Instant.now().plusSeconds(86_400).toString();
    }

    private Article scheduled() {
        Article article = story.inReview();
        assertThat(api.as("editor")
                        .put(article.path("/schedule"), json(Map.of("at", tomorrow())))
                        .status())
                .isEqualTo(200);
        return article;
    }

    private Article embargoed() {
        Article article = story.inReview();
        assertThat(api.as("editor")
                        .put(article.path("/embargo"), json(Map.of("until", tomorrow())))
                        .status())
                .isEqualTo(200);
        return article;
    }

    private Article withPhoto() {
        Article article = story.draft();
        return new Article(article.id() + "/photos/" + story.attachPhoto(article), article.version());
    }

    /** A draft with two photos, their ids kept in {@link #photoIds} the other way round, for the reorder probe. */
    private Article withTwoPhotos() {
        Article article = story.draft();
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> photo : List.of(StoryApi.LEAD_PHOTO, StoryApi.BOAT_PHOTO)) {
            ids.add(
                    0,
                    editor.post(article.path("/photos"), json(photo))
                            .json()
                            .path("photoId")
                            .asText());
        }
        photoIds.put(article.id(), ids);
        return article;
    }

    private static String key(AccessRule rule) {
        return (rule.method() == null ? "*" : rule.method().name()) + " " + rule.pattern();
    }
}
