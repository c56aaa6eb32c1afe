package org.newsroom.query.audit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.command.article.ReviseArticle;
import org.newsroom.query.QuerySideIT;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/** Tampers with the stored log through the driver and sees verification fail at the tampered position. */
class IntegrityIT extends QuerySideIT {

    private static final ArticleId ID = new ArticleId("integrity-under-attack");

    @Autowired
    private MongoDatabase database;

    @Test
    void anAlteredOrRemovedEventFailsVerificationAtItsPosition() {
        send("reporter", new DraftArticle(ID, "Original headline", null, "<p>One.</p>", "en"));
        send("reporter", new ReviseArticle(ID, "Second headline", null, null, null));
        send("reporter", new ReviseArticle(ID, null, null, "<p>Two.</p>", null));
        long last = send("reporter", new ReviseArticle(ID, "Final headline", null, null, null));
        JsonNode history = http.get("/audit/articles/" + ID + "/history?atLeast=" + last, "auditor")
                .json();
        List<Long> positions = history.path("entries").findValues("position").stream()
                .map(JsonNode::asLong)
                .toList();
        assertThat(positions).hasSize(4);
        assertThat(integrity().path("valid").asBoolean()).isTrue();

        MongoCollection<Document> events = database.getCollection("events");
        Document second = events.find(eq("seqKey", ID + "#1")).first();
        Document altered = Document.parse(second.toJson());
        altered.getList("events", Document.class)
                .get(0)
                .get("payload", Document.class)
                .put("headline", "A headline nobody wrote");
        events.replaceOne(eq("_id", second.get("_id")), altered);
        try {
            JsonNode report = integrity();
            assertThat(report.path("valid").asBoolean()).isFalse();
            assertThat(report.path("firstBadPosition").asLong()).isEqualTo(positions.get(1));
            assertThat(report.path("reason").asText()).contains("hash");
        } finally {
            events.replaceOne(eq("_id", second.get("_id")), second);
        }
        assertThat(integrity().path("valid").asBoolean()).isTrue();

        for (int removed : new int[] {2, 3}) {
            Document commit = events.find(eq("seqKey", ID + "#" + removed)).first();
            events.deleteOne(eq("_id", commit.get("_id")));
            try {
                JsonNode report = integrity();
                assertThat(report.path("valid").asBoolean()).isFalse();
                assertThat(report.path("firstBadPosition").asLong()).isEqualTo(positions.get(removed));
                assertThat(report.path("reason").asText()).contains("missing");
            } finally {
                events.replaceOne(eq("_id", commit.get("_id")), commit, new ReplaceOptions().upsert(true));
            }
        }
        JsonNode restored = integrity();
        assertThat(restored.path("valid").asBoolean()).isTrue();
        assertThat(restored.path("events").asInt()).isEqualTo(4);
    }

    private JsonNode integrity() {
        return http.get("/audit/articles/" + ID + "/integrity", "auditor").json();
    }
}
