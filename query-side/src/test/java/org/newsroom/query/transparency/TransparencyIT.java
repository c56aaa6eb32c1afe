package org.newsroom.query.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;
import org.newsroom.eventlog.proof.Checkpoint;
import org.newsroom.eventlog.proof.Leaves;
import org.newsroom.eventlog.proof.MerkleTree;
import org.newsroom.eventlog.proof.NoteVerifier;
import org.newsroom.eventlog.proof.SignedCheckpoint;
import org.newsroom.eventlog.proof.SignedNote;
import org.newsroom.query.Articles;
import org.newsroom.query.Http;
import org.newsroom.query.QuerySideIT;
import org.newsroom.query.SampleStory;
import org.newsroom.query.feed.ArticleCloudEvents;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The transparency log from outside, anonymously, as a witness or an auditor reads it: signed checkpoints that verify
 * with the published key, proofs that verify against them, checkpoints on the feed, and problems for bad requests.
 */
class TransparencyIT extends QuerySideIT {

    @Autowired
    CheckpointSigner signer;

    @Test
    void aPublicationIsCoveredAtOnceByACheckpointThatVerifiesWithThePublishedKey() {
        long published = draftAndPublish("transparency-published");

        JsonNode checkpoint = awaitCheckpointCovering(published, Duration.ofSeconds(5));

        List<NoteVerifier> keys = publishedKeys();
        String note =
                http.get("/audit/log/checkpoint", null, "Accept", "text/plain").body();
        assertThat(note).isEqualTo(checkpoint.path("note").asText());
        Checkpoint signed = Checkpoint.parse(SignedNote.open(note, keys));
        assertThat(signed.size()).isEqualTo(checkpoint.path("size").asLong());
        assertThat(signed.rootHashBase64())
                .isEqualTo(checkpoint.path("rootHash").asText());
        assertThat(signed.origin()).isEqualTo("newsroom.example/log");

        JsonNode proof = http.get("/audit/log/proof/inclusion?position=" + published + "&size=" + signed.size(), null)
                .json();
        StoredEventView event = storedAt(published);
        assertThat(proof.path("leafIndex").asLong()).isEqualTo(published - 1);
        assertThat(proof.path("leafHash").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(Leaves.hash(event)));
        assertThat(MerkleTree.verifyInclusion(
                        published - 1,
                        signed.size(),
                        Leaves.hash(event),
                        hashes(proof.path("path")),
                        signed.rootHash()))
                .isTrue();
    }

    @Test
    void twoCheckpointsAreConsistentAndTheCheckpointIsAnEventOnTheFeed() {
        JsonNode first = awaitCheckpointCovering(draftAndPublish("transparency-first"), Duration.ofSeconds(5));
        JsonNode second = awaitCheckpointCovering(draftAndPublish("transparency-second"), Duration.ofSeconds(5));

        long from = first.path("size").asLong();
        long to = second.path("size").asLong();
        JsonNode proof = http.get("/audit/log/proof/consistency?from=" + from + "&to=" + to, null)
                .json();
        assertThat(MerkleTree.verifyConsistency(
                        from,
                        to,
                        Base64.getDecoder().decode(first.path("rootHash").asText()),
                        Base64.getDecoder().decode(second.path("rootHash").asText()),
                        hashes(proof.path("path"))))
                .isTrue();

        JsonNode feed = http.get(
                        "/feed/events?after=" + from + "&type=" + ArticleCloudEvents.CHECKPOINT_TYPE, "integrator")
                .json();
        JsonNode published = StreamSupport.stream(feed.path("events").spliterator(), false)
                .filter(event -> event.path("data").path("size").asLong() == to)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no checkpoint of size " + to + " on the feed: " + feed));
        assertThat(published.path("source").asText()).isEqualTo("/log");
        assertThat(published.path("subject").asText()).isEqualTo("newsroom.example/log");
        assertThat(published.path("data").path("note").asText())
                .isEqualTo(second.path("note").asText());
    }

    @Test
    void aDraftIsCoveredWithinTheIntervalAndACheckpointAloneSignsNoOther() {
        long drafted = send(
                "reporter",
                new DraftArticle(new ArticleId("transparency-draft"), "Only a draft", null, "<p>Draft.</p>", "en"));

        JsonNode checkpoint = awaitCheckpointCovering(drafted, Duration.ofSeconds(25));

        assertThat(signer.signIfDue(true))
                .as("nothing but checkpoints after the latest checkpoint")
                .isEmpty();
        assertThat(latest().path("size").asLong())
                .isEqualTo(checkpoint.path("size").asLong());
        assertThat(engine.headPosition()).isGreaterThan(checkpoint.path("size").asLong());
    }

    @Test
    void signersRacingForTheNextNumberLeaveExactlyOneCheckpointPerNumber() throws Exception {
        send(
                "reporter",
                new DraftArticle(new ArticleId("transparency-race"), "Raced over", null, "<p>Race.</p>", "en"));
        ExecutorService signers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Optional<SignedCheckpoint>>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(signers.submit(() -> signer.signIfDue(true)));
            }
            for (Future<Optional<SignedCheckpoint>> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            signers.shutdownNow();
        }

        List<StoredEventView> stored = engine.storedEvents("newsroom.example/log");
        List<NoteVerifier> keys = publishedKeys();
        long previousSize = 0;
        for (int number = 0; number < stored.size(); number++) {
            StoredEventView checkpoint = stored.get(number);
            assertThat(checkpoint.sequenceNumber()).isEqualTo(number);
            Document payload = checkpoint.event().get("payload", Document.class);
            Checkpoint signed = Checkpoint.parse(SignedNote.open(payload.getString("note"), keys));
            assertThat(signed.size()).as("checkpoint %d", number).isGreaterThan(previousSize);
            assertThat(signed.size()).isLessThan(checkpoint.position());
            previousSize = signed.size();
        }
        assertThat(latest().path("size").asLong()).isEqualTo(previousSize);
    }

    @Test
    void badRequestsGetProblemsAndNeverAServerError() {
        long signed = awaitCheckpointCovering(draftAndPublish("transparency-bad-requests"), Duration.ofSeconds(5))
                .path("size")
                .asLong();

        assertProblem("/audit/log/proof/inclusion?position=abc", 400, "invalid-request");
        assertProblem("/audit/log/proof/inclusion", 400, "invalid-request");
        assertProblem("/audit/log/proof/inclusion?position=0", 400, "invalid-request");
        assertProblem("/audit/log/proof/inclusion?position=5&size=4", 400, "invalid-request");
        assertProblem("/audit/log/proof/inclusion?position=1&size=" + (signed + 1_000), 404, "size-not-signed");
        assertProblem("/audit/log/proof/inclusion?position=" + (signed + 1_000), 404, "size-not-signed");
        assertProblem("/audit/log/proof/consistency?from=5&to=3", 400, "invalid-request");
        assertProblem("/audit/log/proof/consistency?from=0&to=3", 400, "invalid-request");
        assertProblem("/audit/log/proof/consistency?from=1&to=99999999999999999999", 400, "invalid-request");
        assertProblem("/audit/log/proof/consistency?from=1&to=" + (signed + 1), 404, "size-not-signed");
        assertThat(http.get("/audit/log/proof/consistency?from=" + signed + "&to=" + signed, null)
                        .json()
                        .path("path"))
                .isEmpty();
    }

    @Test
    void thePublicKeyRouteServesVerifierKeysAsTextAndJson() {
        Http.Response text = http.get("/audit/log/public-key", null, "Accept", "text/plain");
        JsonNode json = http.get("/audit/log/public-key", null).json();

        assertThat(text.status()).isEqualTo(200);
        assertThat(text.header("Content-Type")).startsWith("text/plain");
        assertThat(text.body().strip().lines().toList())
                .containsExactlyElementsOf(
                        StreamSupport.stream(json.path("keys").spliterator(), false)
                                .map(JsonNode::asText)
                                .toList());
        assertThat(NoteVerifier.parse(json.path("keys").get(0).asText()).name()).isEqualTo("newsroom.example/log");
    }

    /** Drafts, signs and publishes an article; answers the position of its publication. */
    private long draftAndPublish(String id) {
        Articles articles = new Articles(commands);
        articles.draft(id);
        articles.assignByline(id);
        return send("editor", SampleStory.publishWithoutReview(new ArticleId(id)));
    }

    private void assertProblem(String path, int status, String code) {
        Http.Response response = http.get(path, null);
        assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo(code);
    }

    private JsonNode awaitCheckpointCovering(long position, Duration within) {
        await().atMost(within)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> latest().path("size").asLong() >= position);
        return latest();
    }

    private JsonNode latest() {
        Http.Response response = http.get("/audit/log/checkpoint", null);
        return response.status() == 200 ? response.json() : MissingNode.getInstance();
    }

    private List<NoteVerifier> publishedKeys() {
        return StreamSupport.stream(
                        http.get("/audit/log/public-key", null)
                                .json()
                                .path("keys")
                                .spliterator(),
                        false)
                .map(key -> NoteVerifier.parse(key.asText()))
                .toList();
    }

    private StoredEventView storedAt(long position) {
        return engine.storedEventsFrom(position, 1).get(0);
    }

    private static List<byte[]> hashes(JsonNode path) {
        return StreamSupport.stream(path.spliterator(), false)
                .map(hash -> Base64.getDecoder().decode(hash.asText()))
                .toList();
    }
}
