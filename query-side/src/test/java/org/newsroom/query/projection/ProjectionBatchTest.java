package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
