package org.newsroom.reliability;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Client threads working like a newsroom: each drafts a story, revises it, attaches a photo, assigns a byline, may
 * submit it for review, and an editor publishes it, sometimes corrects and republishes it, sometimes unpublishes or
 * kills it; then the next story. Every write carries {@code If-Match} with the version the client believes, and its
 * own correlation id, which marks the one logical operation. A write that gets an acknowledgement is recorded in the
 * {@link Ledger} with its article, version and position.
 * <p>
 * A write that gets no answer, or a 5xx, has an unknown outcome. Without idempotency keys the client abandons the
 * story and starts another (it cannot know the article's version); with {@link #withIdempotencyKeys() keys} it waits
 * until the server runs again and sends the very same request again, same key, same correlation id, until it gets a
 * definitive answer: that is what a client relying on {@code Idempotency-Key} does.
 */
final class Newsdesk implements AutoCloseable {

    private static final Duration SERVER_BACK = Duration.ofSeconds(180);
    /** A first execution settles within its claim's lease, or with its process. */
    private static final Duration SETTLED = Duration.ofSeconds(180);

    private final Http http;
    private final Ledger ledger;
    private final Availability newsroom;
    private final int clients;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong stories = new AtomicLong();
    private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private boolean idempotencyKeys;
    private boolean paused;
    private ExecutorService threads;

    Newsdesk(Http http, Ledger ledger, Availability newsroom, int clients) {
        this.http = http;
        this.ledger = ledger;
        this.newsroom = newsroom;
        this.clients = clients;
    }

    /** Every write carries an {@code Idempotency-Key}; an unknown outcome is retried with the same key. */
    Newsdesk withIdempotencyKeys() {
        this.idempotencyKeys = true;
        return this;
    }

    Newsdesk start() {
        running.set(true);
        threads = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "newsdesk-client");
            thread.setDaemon(true);
            return thread;
        });
        for (int client = 1; client <= clients; client++) {
            int number = client;
            threads.submit(() -> work(number));
        }
        return this;
    }

    /** Holds every client before its next write until {@link #resume()}. */
    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    private synchronized void awaitResumed() {
        while (paused && running.get()) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Lets every client finish the write in hand (a keyed one until it is answered), then stops them. */
    void stop() {
        running.set(false);
        resume();
        if (threads == null) {
            return;
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(SERVER_BACK.toSeconds() + 60, TimeUnit.SECONDS)) {
                threads.shutdownNow();
                throw new IllegalStateException("newsdesk clients did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long stories() {
        return stories.get();
    }

    /** Answers no client of a correct server should get (4xx other than the expected ones, 500). */
    List<String> unexpectedAnswers() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void work(int client) {
        int story = 0;
        while (running.get()) {
            story++;
            stories.incrementAndGet();
            try {
                new Story(client, story).run();
            } catch (Abandoned abandoned) {
                if (running.get() && !newsroom.awaitRunning(SERVER_BACK)) {
                    unexpected.add("client " + client + ": the server did not come back");
                    return;
                }
            } catch (RuntimeException e) {
                unexpected.add("client " + client + ": " + e);
                return;
            }
        }
    }

    /** The story could not go on: a write's outcome is unknown, or the server refused it. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    private final class Story {
        private final int client;
        private final int number;
        private final String label;
        private String id;
        private long version;
        private int step;

        Story(int client, int number) {
            this.client = client;
            this.number = number;
            this.label = "c" + client + "-" + number + "-" + run;
        }

        void run() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Http.Reply drafted = write(
                    "DraftArticle",
                    "POST",
                    "/api/articles",
                    "reporter",
                    Map.of(
                            "headline",
                            "Story " + label,
                            "standfirst",
                            "What happened in " + label,
                            "body",
                            "<p>First paragraph of " + label + ".</p>"),
                    false);
            id = drafted.json().path("id").asText();
            version = 1;
            ack("DraftArticle", drafted);
            for (int i = random.nextInt(3); i > 0 && running.get(); i--) {
                revise("reporter");
            }
            if (random.nextBoolean()) {
                Http.Reply photo = write(
                        "AttachPhoto",
                        "POST",
                        path("/photos"),
                        "reporter",
                        Map.of(
                                "uri",
                                "https://images.example.com/" + label + ".jpg",
                                "caption",
                                "A photo of " + label,
                                "credit",
                                "Reliability/AFP"),
                        true);
                ack("AttachPhoto", photo);
            }
            ack(
                    "AssignByline",
                    write(
                            "AssignByline",
                            "PUT",
                            path("/byline"),
                            "reporter",
                            Map.of(
                                    "bylines",
                                    List.of(Map.of(
                                            "name", "Reporter " + client, "role", "author", "affiliation", "AFP"))),
                            true));
            boolean reviewed = random.nextBoolean();
            if (reviewed) {
                ack(
                        "SubmitForReview",
                        write(
                                "SubmitForReview",
                                "POST",
                                path("/submit"),
                                "reporter",
                                Map.of("note", "Please review " + label),
                                true));
            }
            if (!running.get()) {
                return;
            }
            // an article that skipped review is published saying why, as the desk's review policy asks
            ack(
                    "PublishArticle",
                    write(
                            "PublishArticle",
                            "POST",
                            path("/publish"),
                            "editor",
                            reviewed ? null : Map.of("withoutReview", "Agency copy " + label),
                            true));
            if (random.nextInt(3) == 0 && running.get()) {
                revise("editor");
                ack(
                        "PublishArticle",
                        write(
                                "PublishArticle",
                                "POST",
                                path("/publish"),
                                "editor",
                                Map.of("changeKind", "correction", "note", "Corrected " + label + " at step " + step),
                                true));
            }
            int ending = random.nextInt(10);
            if (ending == 0) {
                ack(
                        "KillArticle",
                        write(
                                "KillArticle",
                                "POST",
                                path("/kill"),
                                "editor",
                                Map.of("reason", "legal", "notice", "Withdrawn: " + label),
                                true));
            } else if (ending <= 2) {
                ack(
                        "UnpublishArticle",
                        write(
                                "UnpublishArticle",
                                "POST",
                                path("/unpublish"),
                                "editor",
                                Map.of("reason", "outdated"),
                                true));
            }
        }

        private void revise(String who) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("headline", "Story " + label + " (update " + (step + 1) + ")");
            change.put("body", "<p>First paragraph of " + label + ".</p><p>Update " + (step + 1) + ".</p>");
            ack("ReviseArticle", write("ReviseArticle", "PATCH", path(""), who, change, true));
        }

        private String path(String suffix) {
            return "/api/articles/" + id + suffix;
        }

        /** Sends one write until its outcome is known; returns the acknowledgement. */
        private Http.Reply write(
                String command, String method, String path, String who, Object body, boolean conditional) {
            awaitResumed();
            step++;
            String correlation = "op-" + label + "-" + step;
            String key = idempotencyKeys ? "key-" + label + "-" + step : null;
            ledger.attempted();
            while (true) {
                Http.Call call = http.call(method, path).as(who).correlation(correlation);
                if (body != null) {
                    call.json(body);
                }
                if (conditional) {
                    call.ifMatch(version);
                }
                if (key != null) {
                    call.idempotencyKey(key);
                }
                Http.Reply reply = call.send();
                if (inProgress(reply)) {
                    reply = awaitSettled(call, reply);
                }
                if (reply.ok()) {
                    return reply;
                }
                boolean unknownOutcome = !reply.answered() || reply.status() >= 500;
                if (!unknownOutcome || (reply.status() >= 500 && reply.status() != 503)) {
                    unexpected.add(command + " " + path + " as " + who + " (" + correlation + "): " + reply);
                }
                if (key == null || !unknownOutcome) {
                    ledger.refused(new Ledger.Refusal(command, id, correlation, reply.status(), reply.body()));
                    throw new Abandoned();
                }
                if (!newsroom.awaitRunning(SERVER_BACK)) {
                    ledger.refused(new Ledger.Refusal(command, id, correlation, reply.status(), reply.body()));
                    throw new Abandoned();
                }
            }
        }

        private void ack(String command, Http.Reply reply) {
            version = reply.etagVersion();
            ledger.acknowledged(new Ledger.Ack(
                    command,
                    id,
                    version,
                    reply.position(),
                    "op-" + label + "-" + step,
                    idempotencyKeys ? "key-" + label + "-" + step : null));
        }
    }

    private static boolean inProgress(Http.Reply reply) {
        return reply.isProblem(409, "idempotency-key-in-progress");
    }

    /**
     * Asks again about a request whose first execution is still in progress, as a polite client does: every
     * {@code Retry-After} seconds (1 to 5), until the answer is something else (its first answer, or a failure).
     */
    private static Http.Reply awaitSettled(Http.Call call, Http.Reply inProgress) {
        long seconds = inProgress.header("Retry-After").map(Long::parseLong).orElse(1L);
        Duration retryAfter = Duration.ofSeconds(Math.max(1, Math.min(seconds, 5)));
        AtomicReference<Http.Reply> latest = new AtomicReference<>(inProgress);
        await().pollDelay(retryAfter)
                .pollInterval(retryAfter)
                .atMost(SETTLED)
                .until(() -> !inProgress(latest.updateAndGet(previous -> call.send())));
        return latest.get();
    }
}
