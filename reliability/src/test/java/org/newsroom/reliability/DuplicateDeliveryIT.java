package org.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Scenario 3: duplicate delivery. The same request with the same {@code Idempotency-Key} is sent three times at once,
 * on every kind of write; then all of them again after a graceful restart and after a kill -9: one set of events,
 * the same answer every time. Finally clients that rely on the key (an unanswered write is sent again, same key,
 * until answered) work while the process is killed at random moments, with the claim lease shortened so that
 * requests lost in a crash are taken over within the test: still one set of events per request, and every retry
 * answered with the first answer.
 */
class DuplicateDeliveryIT {

    private static final String SCENARIO = "scenario 3: duplicate delivery";

    /** One keyed request and the answer it must always get. */
    private record Keyed(
            String name,
            String method,
            String path,
            String user,
            Map<String, Object> body,
            String key,
            String correlation) {}

    @Test
    void theSameIdempotentRequestRecordsOneSetOfEventsWhateverHappens() throws Exception {
        int rounds = Scenarios.LONG ? 40 : 6;
        int kills = Scenarios.LONG ? 8 : 2;
        Path dataDir = Scenarios.dataDir("duplicate-delivery");
        Ledger ledger = new Ledger();
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try (ForkedNewsroom newsroom = new ForkedNewsroom(dataDir).start()) {
            Http http = new Http(newsroom);
            Map<Keyed, Http.Reply> firstAnswers = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                sendThreeTimesAtOnce(http, senders, round, firstAnswers, ledger);
            }
            long head = head(http);

            newsroom.restart();
            resendAll(http, firstAnswers);
            newsroom.kill9();
            // from now on a claim whose request died with the process can be taken over after 3 s, not 2 min
            newsroom.withArguments("--newsroom.idempotency.lease=3s").start();
            resendAll(http, firstAnswers);
            assertThat(head(http))
                    .as("the log's head after every request was sent again twice")
                    .isEqualTo(head);
            Scenarios.report(
                    SCENARIO,
                    firstAnswers.size() + " keyed requests sent 3 times at once, then again "
                            + "after a restart and after a kill -9: " + head + " events in all, one per request");

            try (Newsdesk desk = new Newsdesk(http, ledger, newsroom, 6)
                    .withIdempotencyKeys()
                    .start()) {
                for (int kill = 1; kill <= kills; kill++) {
                    int target = ledger.acks().size()
                            + 10
                            + ThreadLocalRandom.current().nextInt(30);
                    await().atMost(Duration.ofSeconds(120))
                            .until(() -> ledger.acks().size() >= target);
                    newsroom.kill9();
                    newsroom.start();
                }
                int afterLast = ledger.acks().size() + 10;
                await().atMost(Duration.ofSeconds(180))
                        .until(() -> ledger.acks().size() >= afterLast);
                desk.stop();
                Invariants.Report report = new Invariants(http, ledger).check(SCENARIO);
                Scenarios.report(
                        SCENARIO,
                        "keyed clients under " + kills + " kills: " + desk.stories() + " stories, "
                                + Scenarios.describe(ledger) + "; " + Scenarios.describeStartups(newsroom));
                desk.unexpectedAnswers().forEach(answer -> report.violation("client", answer));
                report.assertClean();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    /** Drafts an article, then sends each kind of write three times at once with one key. */
    private static void sendThreeTimesAtOnce(
            Http http, ExecutorService senders, int round, Map<Keyed, Http.Reply> firstAnswers, Ledger ledger)
            throws Exception {
        String tag = "r" + round + "-" + UUID.randomUUID().toString().substring(0, 8);
        Keyed draft = keyed(
                "DraftArticle",
                "POST",
                "/api/articles",
                "reporter",
                Map.of("headline", "Duplicate " + tag, "body", "<p>Sent three times.</p>"),
                tag);
        Http.Reply drafted = triple(http, senders, draft, firstAnswers, ledger);
        String id = drafted.json().path("id").asText();
        String article = "/api/articles/" + id;
        List<Keyed> writes = new ArrayList<>(List.of(
                keyed(
                        "AttachPhoto",
                        "POST",
                        article + "/photos",
                        "reporter",
                        Map.of(
                                "uri",
                                "https://images.example.com/" + tag + ".jpg",
                                "caption",
                                "Photo " + tag,
                                "credit",
                                "Reliability/AFP"),
                        tag),
                keyed("ReviseArticle", "PATCH", article, "reporter", Map.of("headline", "Revised " + tag), tag),
                keyed(
                        "AssignByline",
                        "PUT",
                        article + "/byline",
                        "reporter",
                        Map.of("bylines", List.of(Map.of("name", "Reporter " + tag))),
                        tag),
                keyed("SubmitForReview", "POST", article + "/submit", "reporter", Map.of("note", "Check " + tag), tag),
                keyed("PublishArticle", "POST", article + "/publish", "editor", null, tag),
                keyed("ReviseArticle", "PATCH", article, "editor", Map.of("standfirst", "Corrected " + tag), tag),
                keyed(
                        "PublishArticle",
                        "POST",
                        article + "/publish",
                        "editor",
                        Map.of("changeKind", "correction", "note", "Fixed " + tag),
                        tag)));
        if (round % 2 == 1) {
            writes.add(keyed(
                    "UnpublishArticle",
                    "POST",
                    article + "/unpublish",
                    "editor",
                    Map.of("reason", "Duplicate test " + tag),
                    tag));
        }
        for (Keyed write : writes) {
            triple(http, senders, write, firstAnswers, ledger);
        }
    }

    private static Keyed keyed(
            String name, String method, String path, String user, Map<String, Object> body, String tag) {
        String unique = name + "-" + tag + "-" + UUID.randomUUID().toString().substring(0, 6);
        return new Keyed(name, method, path, user, body, "key-" + unique, "op-" + unique);
    }

    /** Sends the request three times at the same moment; all three must get the same successful answer. */
    private static Http.Reply triple(
            Http http, ExecutorService senders, Keyed request, Map<Keyed, Http.Reply> firstAnswers, Ledger ledger)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Http.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            replies.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            go.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return sendUntilAnswered(http, request);
                    },
                    senders));
        }
        ledger.attempted();
        go.countDown();
        List<Http.Reply> answers = new ArrayList<>();
        for (CompletableFuture<Http.Reply> reply : replies) {
            answers.add(reply.get(120, TimeUnit.SECONDS));
        }
        Http.Reply first = answers.get(0);
        assertThat(first.ok()).as("%s: %s", request.name(), first).isTrue();
        for (Http.Reply answer : answers) {
            assertSameAnswer(request, first, answer);
        }
        assertThat(answers.stream()
                        .filter(answer -> answer.header("Idempotent-Replayed").isEmpty())
                        .count())
                .as("%s: requests that executed", request.name())
                .isEqualTo(1);
        String articleId = request.name().equals("DraftArticle")
                ? first.json().path("id").asText()
                : request.path().split("/")[3];
        ledger.acknowledged(new Ledger.Ack(
                request.name(),
                articleId,
                first.etagVersion(),
                first.position(),
                request.correlation(),
                request.key()));
        firstAnswers.put(request, first);
        return first;
    }

    /** A duplicate that waited too long for the first is told to retry: it does, as a client would. */
    private static Http.Reply sendUntilAnswered(Http http, Keyed request) {
        while (true) {
            Http.Call call = http.call(request.method(), request.path())
                    .as(request.user())
                    .idempotencyKey(request.key())
                    .correlation(request.correlation());
            if (request.body() != null) {
                call.json(request.body());
            }
            Http.Reply reply = call.send();
            if (!reply.isProblem(409, "idempotency-key-in-progress")) {
                return reply;
            }
        }
    }

    private static void resendAll(Http http, Map<Keyed, Http.Reply> firstAnswers) {
        firstAnswers.forEach((request, first) -> {
            Http.Reply again = sendUntilAnswered(http, request);
            assertSameAnswer(request, first, again);
            assertThat(again.header("Idempotent-Replayed"))
                    .as("%s sent again", request.name())
                    .contains("true");
        });
    }

    private static void assertSameAnswer(Keyed request, Http.Reply first, Http.Reply other) {
        assertThat(other.status()).as("%s: %s", request.name(), other).isEqualTo(first.status());
        assertThat(other.body()).as(request.name()).isEqualTo(first.body());
        assertThat(other.header("ETag")).as(request.name()).isEqualTo(first.header("ETag"));
        assertThat(other.header("Newsroom-Position")).as(request.name()).isEqualTo(first.header("Newsroom-Position"));
        assertThat(other.header("Location")).as(request.name()).isEqualTo(first.header("Location"));
    }

    /** The position of the last article event: the transparency log signs checkpoints on its own schedule. */
    private static long head(Http http) {
        return Feed.readAll(http).stream()
                .filter(event -> event.type().startsWith("news.article."))
                .mapToLong(FeedEvent::position)
                .max()
                .orElse(0);
    }
}
