package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.newsroom.command.article.web.StoryApi.Article;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.testing.ApiClient;
import org.newsroom.testing.ApiResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Thousands of malformed or hostile bodies against every write route with a body, each aimed at an article in the
 * state where a well-formed request would be recorded: broken or deeply nested JSON, invalid UTF-8, wrong types,
 * unknown or duplicated properties, missing fields, control characters, lone surrogates, oversized text, script
 * tags and event handlers in the HTML body, {@code javascript:} and other non-http URIs, wrong media types. Script
 * tags and {@code javascript:} text also go into plain-text fields, where they are just text, next to the poisoned
 * field. Every one must be refused with a 4xx problem answer and leave the event log unchanged: the engine's head
 * position is checked after each try, the events collection (counted through the driver) after the property.
 */
class HostileBodiesIT {

    static final int TRIES = 2_500;

    private static ApiClient editor;
    private static EventLogStorageEngine eventLog;
    private static MongoCollection<Document> events;
    private static Map<Route, String> targets;
    private static long storedCommits;

    /** The context of the other command API ITs, borrowed from Spring's test context cache (jqwik has no hook). */
    static class SharedContext extends CommandApiTestBase {}

    @BeforeContainer
    static void prepare() throws Exception {
        ApplicationContext app =
                new TestContextManager(SharedContext.class).getTestContext().getApplicationContext();
        editor = ApiClient.on(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")))
                .as("editor");
        eventLog = app.getBean(EventLogStorageEngine.class);
        events = app.getBean(MongoDatabase.class).getCollection("events");
        targets = prepareTargets();
        storedCommits = events.countDocuments();
    }

    /** For each route, a path on an article in the state where a valid body would be recorded. */
    private static Map<Route, String> prepareTargets() {
        StoryApi story = new StoryApi(editor);
        Map<Route, String> paths = new EnumMap<>(Route.class);
        for (Route route : Route.values()) {
            paths.put(route, route.target(story));
        }
        return paths;
    }

    @Property(tries = TRIES, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void hostileBodiesAreRefusedAndRecordNothing(@ForAll("hostileRequests") HostileRequest request) {
        Statistics.label("route").collect(request.route());
        Statistics.label("kind").collect(request.kind());
        long head = eventLog.knownHeadPosition();

        ApiResponse response =
                send(request.route(), targets.get(request.route()), request.contentType(), request.body());

        assertThat(response.status()).as("%s -> %s", request, response).isBetween(400, 499);
        assertThat(response.contentType()).as("%s -> %s", request, response).startsWith("application/problem+json");
        assertThat(eventLog.knownHeadPosition())
                .as("event log head after %s", request)
                .isEqualTo(head);
    }

    @AfterProperty
    void theEventsCollectionIsAsBefore() {
        assertThat(events.countDocuments()).isEqualTo(storedCommits);
    }

    /** The control: a well-formed body for each route on an article in the same state is recorded. */
    @Example
    void wellFormedBodiesOnTheSameTargetsAreRecorded() {
        Map<Route, String> fresh = prepareTargets();
        for (Route route : Route.values()) {
            long head = eventLog.headPosition();
            ApiResponse response = send(
                    route,
                    fresh.get(route),
                    "application/json",
                    HostileJson.json(route.validBody()).getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).as("%s -> %s", route, response).isBetween(200, 201);
            assertThat(eventLog.headPosition()).as(route.name()).isEqualTo(head + 1);
        }
        storedCommits = events.countDocuments();
    }

    @Provide
    Arbitrary<HostileRequest> hostileRequests() {
        return Arbitraries.of(Route.values()).flatMap(HostileJson::requests);
    }

    private static ApiResponse send(Route route, String path, String contentType, byte[] body) {
        HttpRequest.Builder request =
                contentType == null ? editor.request(path) : editor.request(path, "Content-Type", contentType);
        return editor.send(request.method(route.method(), HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A request the API must refuse. */
    record HostileRequest(Route route, String kind, String contentType, byte[] body) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return route + " [" + kind + ", " + contentType + ", " + body.length + " bytes] "
                    + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /**
     * A field of a request body: what it holds, whether it must be present, whether a blank value is refused, and
     * the most characters the aggregate accepts (0: no such limit).
     */
    record Field(String name, Kind kind, boolean required, boolean nonBlank, int maxLength) {}

    enum Kind {
        TEXT,
        HTML,
        URI,
        LANGUAGE,
        CHANGE_KIND,
        BYLINES,
        INSTANT
    }

    /** The write routes that take a body (detaching a photo takes none), and where to aim each. */
    enum Route {
        DRAFT(
                "POST",
                List.of(
                        new Field("headline", Kind.TEXT, true, true, 300),
                        new Field("standfirst", Kind.TEXT, false, false, 1_000),
                        new Field("body", Kind.HTML, false, false, 200_000),
                        new Field("language", Kind.LANGUAGE, false, true, 0)),
                true),
        REVISE(
                "PATCH",
                List.of(
                        new Field("headline", Kind.TEXT, false, true, 300),
                        new Field("standfirst", Kind.TEXT, false, false, 1_000),
                        new Field("body", Kind.HTML, false, false, 200_000),
                        new Field("language", Kind.LANGUAGE, false, true, 0)),
                true),
        ATTACH_PHOTO(
                "POST",
                List.of(
                        new Field("uri", Kind.URI, true, true, 2_000),
                        new Field("caption", Kind.TEXT, true, true, 1_000),
                        new Field("credit", Kind.TEXT, true, true, 300),
                        new Field("altText", Kind.TEXT, false, false, 1_000)),
                true),
        UPDATE_PHOTO(
                "PATCH",
                List.of(
                        new Field("caption", Kind.TEXT, false, true, 1_000),
                        new Field("credit", Kind.TEXT, false, true, 300),
                        new Field("altText", Kind.TEXT, false, false, 1_000)),
                true),
        ASSIGN_BYLINE("PUT", List.of(new Field("bylines", Kind.BYLINES, true, false, 0)), true),
        SUBMIT("POST", List.of(new Field("note", Kind.TEXT, false, false, 2_000)), false),
        REQUEST_CHANGES("POST", List.of(new Field("note", Kind.TEXT, true, true, 2_000)), true),
        PUBLISH(
                "POST",
                List.of(
                        new Field("changeKind", Kind.CHANGE_KIND, false, false, 0),
                        new Field("note", Kind.TEXT, false, false, 2_000),
                        new Field("withoutReview", Kind.TEXT, false, true, 2_000)),
                false),
        COMMENT("POST", List.of(new Field("text", Kind.TEXT, true, true, 5_000)), true),
        SCHEDULE(
                "PUT",
                List.of(
                        new Field("at", Kind.INSTANT, true, true, 0),
                        new Field("changeKind", Kind.CHANGE_KIND, false, false, 0),
                        new Field("note", Kind.TEXT, false, false, 2_000),
                        new Field("withoutReview", Kind.TEXT, false, true, 2_000)),
                true),
        EMBARGO("PUT", List.of(new Field("until", Kind.INSTANT, true, true, 0)), true),
        UNPUBLISH("POST", List.of(new Field("reason", Kind.TEXT, true, true, 2_000)), true),
        KILL(
                "POST",
                List.of(
                        new Field("reason", Kind.TEXT, true, true, 2_000),
                        new Field("notice", Kind.TEXT, true, true, 2_000)),
                true);

        private final String method;
        private final List<Field> fields;
        private final boolean bodyRequired;

        Route(String method, List<Field> fields, boolean bodyRequired) {
            this.method = method;
            this.fields = fields;
            this.bodyRequired = bodyRequired;
        }

        String method() {
            return method;
        }

        List<Field> fields() {
            return fields;
        }

        /** Whether an absent body (or a JSON null) is a request of its own: then it is no hostile body. */
        boolean bodyRequired() {
            return bodyRequired;
        }

        String target(StoryApi story) {
            return switch (this) {
                case DRAFT -> "/api/articles";
                case REVISE -> story.draft().path();
                case ATTACH_PHOTO -> story.draft().path("/photos");
                case UPDATE_PHOTO -> {
                    Article article = story.draft();
                    yield article.path("/photos/" + story.attachPhoto(article));
                }
                case ASSIGN_BYLINE -> story.draft().path("/byline");
                case SUBMIT -> story.draft().path("/submit");
                case REQUEST_CHANGES -> story.inReview().path("/request-changes");
                case PUBLISH -> story.inReview().path("/publish");
                case COMMENT -> story.draft().path("/comments");
                case SCHEDULE -> story.inReview().path("/schedule");
                case EMBARGO -> story.inReview().path("/embargo");
                case UNPUBLISH -> story.published().path("/unpublish");
                case KILL -> story.published().path("/kill");
            };
        }

        /** A body that this route records on its target: every field, each with a valid and new value. */
        Map<String, Object> validBody() {
            Map<String, Object> body = new LinkedHashMap<>();
            for (Field field : fields) {
                body.put(field.name(), HostileJson.validValue(field));
            }
            return body;
        }
    }
}
