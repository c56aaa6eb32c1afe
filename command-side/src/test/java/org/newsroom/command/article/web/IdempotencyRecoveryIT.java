package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.web.StoryApi.json;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * A keyed write whose first answer was lost although its events were stored is never executed again: the retry gets
 * the first answer, rebuilt from the log, and records nothing. Found by the reliability suite (scenario 3): a process
 * killed between storing a command's events and storing its answer left a pending claim; once its lease ran out, the
 * retry executed the request a second time (a second article for a draft, a 412 instead of the first answer for a
 * conditional write). Here the two ways an answer goes missing are reproduced on the idempotency records directly:
 * the claim left pending by a dead process, and the claim released after a 5xx whose write had landed.
 */
class IdempotencyRecoveryIT extends CommandApiTestBase {

    @Autowired
    MongoDatabase database;

    @Test
    void aRetryAfterACrashBetweenTheEventsAndTheAnswerGetsTheFirstAnswer() {
        for (Write write : writes()) {
            ApiResponse first = write.send();
            assertThat(first.status()).as(write.name()).isBetween(200, 201);
            leaveAsACrashedProcessWould(write.key());
            long head = eventLog.headPosition();

            ApiResponse retry = write.send();

            assertSameAnswer(write.name(), first, retry);
            assertThat(eventLog.headPosition())
                    .as("%s: the log after the retry", write.name())
                    .isEqualTo(head);
            assertThat(write.send().body())
                    .as("%s: the answer is kept again", write.name())
                    .isEqualTo(first.body());
        }
    }

    @Test
    void aRetryAfterAnAnswerThatWasLostOnTheWayGetsTheFirstAnswer() {
        for (Write write : writes()) {
            ApiResponse first = write.send();
            assertThat(first.status()).as(write.name()).isBetween(200, 201);
            idempotencyRecords().deleteOne(Filters.eq("_id", "reporter:" + write.key()));
            long head = eventLog.headPosition();

            ApiResponse retry = write.send();

            assertSameAnswer(write.name(), first, retry);
            assertThat(eventLog.headPosition())
                    .as("%s: the log after the retry", write.name())
                    .isEqualTo(head);
        }
    }

    @Test
    void theLogRecordsAnIdempotentRequestOnceAndNamesItsCommit() {
        ApiResponse drafted = reporter.post("/api/articles", json(StoryApi.draftBody()), "Idempotency-Key", "once-1");
        Document commit = database.getCollection("events")
                .find(Filters.eq("_id", drafted.position()))
                .first();
        String request = commit.getString("idempotentRequest");
        assertThat(request).hasSize(64);
        assertThat(eventLog.recordedRequest(request)).hasValueSatisfying(recorded -> {
            assertThat(recorded.aggregateId())
                    .isEqualTo(drafted.json().path("id").asText());
            assertThat(recorded.lastPosition()).isEqualTo(drafted.position());
        });

        Document copy = new Document(commit)
                .append("_id", eventLog.headPosition() + 1)
                .append("seqKey", "another-article#0")
                .append("commitId", UUID.randomUUID().toString());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> database.getCollection("events").insertOne(copy)))
                .as("a second commit of the same request")
                .hasMessageContaining("duplicate key");
    }

    private record Write(String name, String key, Supplier<ApiResponse> sender) {
        ApiResponse send() {
            return sender.get();
        }
    }

    /** One keyed write of each shape of answer, each on an article in the state it needs, in order. */
    private List<Write> writes() {
        String tag = UUID.randomUUID().toString();
        String draftBody = json(Map.of("headline", "Recovered " + tag, "body", "<p>Once.</p>"));
        String article = "/api/articles/"
                + reporter.post("/api/articles", draftBody).json().path("id").asText();
        String scheduleBody =
                json(Map.of("at", java.time.Instant.now().plusSeconds(86_400).toString()));
        return List.of(
                keyed("draft", tag, key -> reporter.post("/api/articles", draftBody, "Idempotency-Key", key)),
                keyed(
                        "photo",
                        tag,
                        key -> reporter.post(article + "/photos", json(StoryApi.LEAD_PHOTO), "Idempotency-Key", key)),
                keyed(
                        "conditional revision",
                        tag,
                        key -> reporter.patch(
                                article,
                                json(Map.of("headline", "Revised " + tag)),
                                "Idempotency-Key",
                                key,
                                "If-Match",
                                "\"2\"")),
                keyed(
                        "byline",
                        tag,
                        key -> reporter.put(article + "/byline", json(StoryApi.BYLINE), "Idempotency-Key", key)),
                keyed(
                        "comment",
                        tag,
                        key -> reporter.post(
                                article + "/comments", json(Map.of("text", "Sources?")), "Idempotency-Key", key)),
                keyed("submission", tag, key -> reporter.post(article + "/submit", null, "Idempotency-Key", key)),
                keyed("schedule", tag, key -> editor.put(article + "/schedule", scheduleBody, "Idempotency-Key", key)),
                keyed("publication", tag, key -> editor.post(article + "/publish", null, "Idempotency-Key", key)));
    }

    private static Write keyed(String name, String tag, java.util.function.Function<String, ApiResponse> sender) {
        String key = name.replace(' ', '-') + "-" + tag;
        return new Write(name, key, () -> sender.apply(key));
    }

    /** The record of a request whose process died after its events were stored: pending, lease over, no answer. */
    private void leaveAsACrashedProcessWould(String key) {
        for (String user : List.of("reporter", "editor")) {
            idempotencyRecords()
                    .updateOne(
                            Filters.eq("_id", user + ":" + key),
                            Updates.combine(
                                    Updates.set("state", "pending"),
                                    Updates.set("leaseUntil", new Date(System.currentTimeMillis() - 1_000)),
                                    Updates.unset("status"),
                                    Updates.unset("headers"),
                                    Updates.unset("body")));
        }
    }

    private MongoCollection<Document> idempotencyRecords() {
        return database.getCollection("idempotency_keys");
    }

    private static void assertSameAnswer(String write, ApiResponse first, ApiResponse retry) {
        assertThat(retry.status()).as("%s: %s", write, retry).isEqualTo(first.status());
        assertThat(retry.body()).as(write).isEqualTo(first.body());
        assertThat(retry.contentType()).as(write).isEqualTo(first.contentType());
        for (String header : List.of("ETag", "Newsroom-Position")) {
            assertThat(retry.header(header))
                    .as("%s: %s", write, header)
                    .isNotNull()
                    .isEqualTo(first.header(header));
        }
        assertThat(retry.header("Location")).as(write).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).as(write).isEqualTo("true");
    }
}
