package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroom.query.InMemoryMongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

class ProjectionBatchTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private ProjectionCollections target;

    @BeforeEach
    void target() {
        target = new ProjectionCollections("test", 1, MONGO.freshDatabase());
    }

    @Test
    void aDocumentIsReplacedOnlyByOneWithAHigherPosition() {
        write(new Document("_id", "a").append("lastPosition", 5L).append("value", "five"));
        write(new Document("_id", "a").append("lastPosition", 3L).append("value", "three"));
        write(new Document("_id", "a").append("lastPosition", 5L).append("value", "five again"));
        assertThat(stored("a").getString("value")).isEqualTo("five");

        write(new Document("_id", "a").append("lastPosition", 7L).append("value", "seven"));
        assertThat(stored("a").getString("value")).isEqualTo("seven");
    }

    @Test
    void aPausedExOwnersLateBatchIsRejectedDocumentByDocument() {
        write(new Document("_id", "x").append("lastPosition", 5L).append("value", "x at 5"));
        write(new Document("_id", "y").append("lastPosition", 5L).append("value", "y at 5"));

        ProjectionBatch stale = new ProjectionBatch(target);
        Document x = stale.find("docs", "x").orElseThrow();
        Document y = stale.find("docs", "y").orElseThrow();
        stale.put("docs", new Document(x).append("lastPosition", 6L).append("value", "x at 6, late"));
        stale.put("docs", new Document(y).append("lastPosition", 6L).append("value", "y at 6, late"));
        stale.put("docs", new Document("_id", "z").append("lastPosition", 6L).append("value", "z at 6, late"));
        stale.commitChange();

        ProjectionBatch owner = new ProjectionBatch(target);
        Document current = owner.find("docs", "x").orElseThrow();
        owner.put("docs", new Document(current).append("lastPosition", 8L).append("value", "x at 8"));
        owner.put("docs", new Document("_id", "z").append("lastPosition", 7L).append("value", "z at 7"));
        owner.commitChange();
        owner.flush();

        stale.flush();
        assertThat(stored("x").getString("value")).isEqualTo("x at 8");
        assertThat(stored("y").getString("value")).isEqualTo("y at 6, late");
        assertThat(stored("z").getString("value")).isEqualTo("z at 7");
    }

    @Test
    void aBatchIsWrittenIntoEveryVersionGiven() {
        ProjectionCollections next = new ProjectionCollections("test", 2, target.database());
        next.collection("docs")
                .insertOne(new Document("_id", "a").append("lastPosition", 9L).append("value", "rebuilt at 9"));
        ProjectionBatch batch = new ProjectionBatch(target);
        batch.put("docs", new Document("_id", "a").append("lastPosition", 4L).append("value", "live at 4"));
        batch.put("docs", new Document("_id", "b").append("lastPosition", 4L).append("value", "live at 4"));
        batch.commitChange();
        batch.flush(List.of(target, next));

        assertThat(stored("a").getString("value")).isEqualTo("live at 4");
        assertThat(next.collection("docs")
                        .find(new Document("_id", "a"))
                        .first()
                        .getString("value"))
                .isEqualTo("rebuilt at 9");
        assertThat(next.collection("docs")
                        .find(new Document("_id", "b"))
                        .first()
                        .getString("value"))
                .isEqualTo("live at 4");
    }

    @Test
    void aChangeThatFailsLeavesNothingStagedAndTheBatchSeesItsOwnWrites() {
        ProjectionWriter writer = new ProjectionWriter("test", () -> target, position -> {});
        ProjectionBatch batch = new ProjectionBatch(target);
        batch.put("docs", new Document("_id", "kept").append("lastPosition", 1L));
        batch.commitChange();
        batch.put("docs", new Document("_id", "dropped").append("lastPosition", 2L));
        batch.discardChange();
        assertThat(batch.find("docs", "kept")).isPresent();
        assertThat(batch.find("docs", "dropped")).isEmpty();
        batch.flush();
        assertThat(stored("kept")).isNotNull();
        assertThat(stored("dropped")).isNull();

        assertThatThrownBy(() -> writer.change(b -> {
                    b.put("docs", new Document("_id", "half").append("lastPosition", 3L));
                    throw new IllegalStateException("poison");
                }))
                .hasMessage("poison");
        assertThat(stored("half")).isNull();
    }

    @Test
    void aClashOnAnotherUniqueIndexIsAnError() {
        target.collection("docs").createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
        write(new Document("_id", "a").append("lastPosition", 1L).append("slug", "same"));
        assertThatThrownBy(() -> write(
                        new Document("_id", "b").append("lastPosition", 2L).append("slug", "same")))
                .isInstanceOf(MongoBulkWriteException.class);
    }

    @Test
    void aDocumentWithoutPositionIsRefused() {
        ProjectionBatch batch = new ProjectionBatch(target);
        assertThatThrownBy(() -> batch.put("docs", new Document("_id", "a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void write(Document document) {
        ProjectionBatch batch = new ProjectionBatch(target);
        batch.put("docs", document);
        batch.commitChange();
        batch.flush();
    }

    private Document stored(String id) {
        return target.collection("docs").find(new Document("_id", id)).first();
    }
}
