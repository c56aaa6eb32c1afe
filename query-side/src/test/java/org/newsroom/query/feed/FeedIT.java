package org.newsroom.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.KillArticle;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.query.Articles;
import org.newsroom.query.CloudEventSchema;
import org.newsroom.query.FeedTestApplication;
import org.newsroom.query.Integrator;
import org.newsroom.query.SseClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/** The pull feed and the live stream against the embedded MongoDB, through HTTP, as an integrator uses them. */
@SpringBootTest(
        classes = FeedTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.feed.scan-limit=20",
            "newsroom.feed.stream.buffer-size=16",
            "newsroom.feed.stream.heartbeat=200ms",
            "newsroom.feed.stream.retry=2500ms"
        })
class FeedIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("feed-it");
        registry.add("newsroom.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventLogStorageEngine eventLog;

    @Autowired
    LiveFeed liveFeed;

    @Autowired
    FeedStreams streams;

    Integrator integrator;
    Articles articles;

    @BeforeEach
    void setUp() {
        integrator = new Integrator(port);
        articles = new Articles(commands);
    }

    @Test
    void pagesAreInPositionOrderGapFreeAndTheSameOnEveryCall() {
        long start = eventLog.headPosition();
        articles.draftAndPublish("paging-1");
        articles.draft("paging-2");
        articles.revise("paging-1", "Paging, revised");
        long head = eventLog.headPosition();
        assertThat(head).isEqualTo(start + 5);

        List<Long> positions = new ArrayList<>();
        long after = start;
        while (after < head) {
            Integrator.Response page = integrator.get("/feed/events?after=" + after + "&limit=2");
            assertThat(page.status()).isEqualTo(200);
            assertThat(integrator
                            .get("/feed/events?after=" + after + "&limit=2")
                            .body())
                    .isEqualTo(page.body());
            for (JsonNode event : page.json().get("events")) {
                positions.add(event.get("position").asLong());
                assertThat(CloudEventSchema.violations(event)).isEmpty();
            }
            long next = page.json().get("next").asLong();
            assertThat(next).isGreaterThan(after);
            after = next;
        }

        assertThat(positions)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(start + 1, head).boxed().toList());
        JsonNode revised = integrator
                .get("/feed/events?after=" + (head - 1))
                .json()
                .get("events")
                .get(0);
        assertThat(revised.get("type").asText()).isEqualTo("news.article.revised.v1");
        assertThat(revised.get("subject").asText()).isEqualTo("paging-1");
        assertThat(revised.get("articleversion").asLong()).isEqualTo(4);
        assertThat(revised.get("data").get("headline").asText()).isEqualTo("Paging, revised");
    }

    @Test
    void aPageReadFromTheLogEqualsThePageServedFromMemory() {
        long start = eventLog.headPosition();
        for (int i = 0; i < 20; i++) {
            articles.draft("memory-" + i);
        }
        await().atMost(PATIENCE).until(() -> liveFeed.head() >= start + 20);
        long logReads = liveFeed.logReads();

        String fromMemory = integrator
                .get("/feed/events?after=" + (start + 10) + "&limit=5")
                .body();
        assertThat(liveFeed.logReads()).isEqualTo(logReads);
        String fromLog =
                integrator.get("/feed/events?after=" + start + "&limit=15").body();
        assertThat(liveFeed.logReads()).isEqualTo(logReads + 1);

        List<JsonNode> memoryEvents = events(fromMemory);
        assertThat(events(fromLog).subList(10, 15)).isEqualTo(memoryEvents);
    }

    @Test
    void afterBeyondTheHeadAnswersAnEmptyPageAtOnce() {
        long head = eventLog.headPosition();

        long began = System.nanoTime();
        Integrator.Response page = integrator.get("/feed/events?after=" + (head + 1_000_000));

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("events")).isEmpty();
        assertThat(page.json().get("next").asLong()).isEqualTo(head + 1_000_000);
    }

    @Test
    void filtersByTypeAndSubjectAndPagesOnWhenNothingMatched() {
        long start = eventLog.headPosition();
        articles.draftAndPublish("filter-a");
        articles.draftAndPublish("filter-b");
        for (int i = 0; i < 40; i++) {
            articles.draft("filler-" + i);
        }
        articles.draftAndPublish("filter-c");

        JsonNode published = integrator
                .get("/feed/events?after=" + start + "&type=news.article.published.v1")
                .json();
        assertThat(published.get("events"))
                .extracting(event -> event.get("subject").asText())
                .containsExactly("filter-a", "filter-b");
        assertThat(published.get("next").asLong())
                .as("a request examines at most scan-limit positions")
                .isEqualTo(start + 20);

        JsonNode nothing = integrator
                .get("/feed/events?after=" + (start + 20) + "&type=news.article.published.v1")
                .json();
        assertThat(nothing.get("events")).isEmpty();
        assertThat(nothing.get("next").asLong()).isEqualTo(start + 40);

        JsonNode rest = integrator
                .get("/feed/events?after=" + (start + 40)
                        + "&type=news.article.published.v1&type=news.article.byline-assigned.v1")
                .json();
        assertThat(rest.get("events"))
                .extracting(event -> event.get("type").asText())
                .containsExactly("news.article.byline-assigned.v1", "news.article.published.v1");
        assertThat(rest.get("events"))
                .allSatisfy(event -> assertThat(event.get("subject").asText()).isEqualTo("filter-c"));
        assertThat(rest.get("next").asLong()).isEqualTo(start + 49);

        JsonNode bySubject = integrator
                .get("/feed/events?after=" + start + "&subject=filter-b")
                .json();
        assertThat(bySubject.get("events"))
                .extracting(event -> event.get("type").asText())
                .containsExactly(
                        "news.article.drafted.v1", "news.article.byline-assigned.v1", "news.article.published.v1");
        assertThat(bySubject.get("events"))
                .allSatisfy(event -> assertThat(event.get("subject").asText()).isEqualTo("filter-b"));

        JsonNode limited = integrator
                .get("/feed/events?after=" + start + "&subject=filter-a&limit=2")
                .json();
        assertThat(limited.get("events")).hasSize(2);
        assertThat(limited.get("next").asLong()).isEqualTo(start + 2);
    }

    @Test
    void aLongPollAnswersAsSoonAsAnEventArrives() throws Exception {
        long head = eventLog.headPosition();
        CompletableFuture<Integrator.Response> waiting =
                CompletableFuture.supplyAsync(() -> integrator.get("/feed/events?after=" + head + "&wait=20"));
        await().during(Duration.ofMillis(300)).atMost(PATIENCE).until(() -> !waiting.isDone());

        long began = System.nanoTime();
        articles.draft("long-poll");

        Integrator.Response page = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        assertThat(page.json().get("events"))
                .extracting(event -> event.get("subject").asText())
                .containsExactly("long-poll");
        assertThat(page.json().get("next").asLong()).isEqualTo(head + 1);
    }

    @Test
    void aLongPollWithNothingNewAnswersAnEmptyPageWhenItsWaitIsOver() {
        long head = eventLog.headPosition();

        long began = System.nanoTime();
        Integrator.Response page = integrator.get("/feed/events?after=" + head + "&wait=1");

        assertThat(Duration.ofNanos(System.nanoTime() - began))
                .isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        assertThat(page.json().get("events")).isEmpty();
        assertThat(page.json().get("next").asLong()).isEqualTo(head);
    }

    @Test
    void badRequestsAreProblems() {
        assertProblem(integrator.get("/feed/events?after=-1"), "invalid-position");
        assertProblem(integrator.get("/feed/events?limit=0"), "invalid-limit");
        assertProblem(integrator.get("/feed/events?type=news.article.exploded.v1"), "unknown-event-type");
        assertProblem(integrator.get("/feed/events?after=abc"), "malformed-request");
        assertProblem(
                integrator.send(integrator
                        .request("/feed/stream")
                        .header("Last-Event-ID", "twelve")
                        .GET()
                        .build()),
                "invalid-position");
    }

    @Test
    void aStreamResumedWithLastEventIdMissesNothingAndRepeatsNothing() throws Exception {
        long start = eventLog.headPosition();
        for (int i = 0; i < 5; i++) {
            articles.draft("resume-" + i);
        }

        String lastSeen;
        try (SseClient first = SseClient.open(integrator, "/feed/stream?after=" + start, null)) {
            assertThat(first.headers().statusCode()).isEqualTo(200);
            assertThat(first.headers().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            for (int i = 0; i < 3; i++) {
                assertThat(first.next(PATIENCE)).isNotNull();
            }
            lastSeen = first.received().get(2).id();
            await().atMost(PATIENCE).until(() -> first.comments().contains("keep-alive"));
            assertThat(first.retry()).isEqualTo("2500");
        }
        for (int i = 5; i < 10; i++) {
            articles.draft("resume-" + i);
        }

        try (SseClient resumed = SseClient.open(integrator, "/feed/stream?after=" + start, lastSeen)) {
            await().atMost(PATIENCE).until(() -> resumed.received().size() >= 7);
            articles.draft("resume-live");
            await().atMost(PATIENCE).until(() -> resumed.received().size() >= 8);
            await().during(Duration.ofMillis(300))
                    .until(() -> resumed.received().size() == 8);

            assertThat(resumed.receivedIds())
                    .containsExactlyElementsOf(LongStream.rangeClosed(start + 4, start + 11)
                            .boxed()
                            .toList());
            for (SseClient.Event event : resumed.received()) {
                JsonNode envelope = Integrator.JSON.readTree(event.data());
                assertThat(envelope.get("position").asText()).isEqualTo(event.id());
                assertThat(CloudEventSchema.violations(envelope)).isEmpty();
            }
            assertThat(Integrator.JSON
                            .readTree(resumed.received().get(7).data())
                            .get("subject")
                            .asText())
                    .isEqualTo("resume-live");
        }
    }

    @Test
    void reportersEditorsAndAuditorsFollowTheStreamButOnlyIntegratorsPullTheFeed() throws Exception {
        long start = eventLog.headPosition();
        articles.draft("watched-by-the-desk");
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new KillArticle(
                        new ArticleId("watched-by-the-desk"), "Internal: the source asked us to", "Removed."))
                .andMetaData(Map.of("actor", "editor")));

        for (String user : List.of("reporter", "editor", "auditor")) {
            Integrator desk = Integrator.as(port, user);
            try (SseClient stream = SseClient.open(desk, "/feed/stream?after=" + start, null)) {
                assertThat(stream.headers().statusCode()).as(user).isEqualTo(200);
                await().atMost(PATIENCE).until(() -> stream.received().size() >= 2);
                JsonNode drafted =
                        Integrator.JSON.readTree(stream.received().get(0).data());
                assertThat(drafted.get("subject").asText()).isEqualTo("watched-by-the-desk");
                assertThat(drafted.get("type").asText()).isEqualTo("news.article.drafted.v1");
                assertThat(drafted.get("articleversion").asLong()).isEqualTo(1);
                assertThat(drafted.get("position").asLong()).isEqualTo(start + 1);
                assertThat(drafted.has("id") && drafted.has("time")).isTrue();
                JsonNode killed =
                        Integrator.JSON.readTree(stream.received().get(1).data());
                assertThat(killed.get("actor").asText()).isEqualTo("editor");
                for (var event : stream.received()) {
                    assertThat(event.data())
                            .as("what %s may not read elsewhere", user)
                            .doesNotContain("Internal: the source asked us to")
                            .doesNotContain("Headline of watched-by-the-desk")
                            .doesNotContain("\"data\"");
                }
            }
            assertThat(desk.get("/feed/events?after=" + start).status())
                    .as(user)
                    .isEqualTo(403);
        }
        try (SseClient stream = SseClient.open(integrator, "/feed/stream?after=" + start, null)) {
            await().atMost(PATIENCE).until(() -> stream.received().size() >= 2);
            assertThat(Integrator.JSON
                            .readTree(stream.received().get(1).data())
                            .path("data")
                            .path("reason")
                            .asText())
                    .as("integrators get every payload")
                    .isEqualTo("Internal: the source asked us to");
        }
    }

    @Test
    void aSubscriberBehindTheMemoryRingCatchesUpFromTheLog() throws Exception {
        long start = eventLog.headPosition();
        for (int i = 0; i < 40; i++) {
            articles.draft("behind-" + i);
        }
        await().atMost(PATIENCE).until(() -> liveFeed.head() >= start + 40);
        long logReads = liveFeed.logReads();

        try (SseClient client = SseClient.open(integrator, "/feed/stream?after=" + start, null)) {
            await().atMost(PATIENCE).until(() -> client.received().size() >= 40);

            assertThat(client.receivedIds())
                    .containsExactlyElementsOf(LongStream.rangeClosed(start + 1, start + 40)
                            .boxed()
                            .toList());
            assertThat(liveFeed.logReads())
                    .as("the ring holds 16 events: the first ones come from the log")
                    .isGreaterThan(logReads);
        }
    }

    @Test
    void threeHundredSubscribersReceiveEveryEventFromOneReaderOfTheLog() throws Exception {
        int subscribers = 300;
        int eventsToSend = 5;
        long start = eventLog.headPosition();
        await().atMost(PATIENCE).until(() -> liveFeed.head() >= start);
        long logReads = liveFeed.logReads();

        List<SseClient> clients = new ArrayList<>();
        int connected;
        try {
            for (int wave = 0; wave < subscribers / 50; wave++) {
                for (int i = 0; i < 50; i++) {
                    clients.add(SseClient.open(integrator, "/feed/stream?after=" + start, null));
                }
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> assertThat(clients).allSatisfy(client -> {
                            assertThat(client.failure()).isNull();
                            assertThat(client.comments())
                                    .as("the stream's opening comment")
                                    .isNotEmpty();
                        }));
            }
            connected = streams.subscriberCount();
            assertThat(connected).isGreaterThanOrEqualTo(subscribers);
            for (int i = 0; i < eventsToSend; i++) {
                articles.draft("fan-out-" + i);
            }

            List<Long> expected = LongStream.rangeClosed(start + 1, start + eventsToSend)
                    .boxed()
                    .toList();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(clients)
                            .allSatisfy(
                                    client -> assertThat(client.receivedIds()).hasSize(eventsToSend)));
            assertThat(clients)
                    .allSatisfy(client -> assertThat(client.receivedIds()).isEqualTo(expected));
            assertThat(liveFeed.logReads())
                    .as("no subscriber read the log on its own")
                    .isEqualTo(logReads);
            assertThat(liveFeed.streamsOpened())
                    .as("one reader follows the log")
                    .isEqualTo(1);
        } finally {
            clients.forEach(SseClient::close);
        }
        // a closed connection is noticed when a write to it fails, which may take a second write after the close:
        // one more event writes to every stream at once, the next heartbeat (15 s) to every one again
        articles.draft("fan-out-after-close");
        await().atMost(Duration.ofSeconds(45)).until(() -> streams.subscriberCount() <= connected - subscribers);
    }

    private static void assertProblem(Integrator.Response response, String code) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("type").asText()).isEqualTo("https://newsroom.example/problems/" + code);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    private static List<JsonNode> events(String page) {
        try {
            List<JsonNode> events = new ArrayList<>();
            Integrator.JSON.readTree(page).get("events").forEach(events::add);
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
