package org.newsroom.embedded;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A filter with an {@code _id} equality (or {@code $in}) and other conditions reads the documents of those ids and
 * matches the rest against them, instead of matching every document of the collection: a write guarded by position,
 * {@code {_id, lastPosition: {$lt: n}}}, costs an {@code _id} lookup.
 */
class IdLookupTest {

    private static final int DOCUMENTS = 2_000;

    private DurableH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> documents;
    /** Documents the last action examined. */
    private long lastExamined;

    @BeforeEach
    void start() {
        backend = DurableH2Backend.memory();
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        documents = client.getDatabase("newsroom").getCollection("site_v1_articles");
        List<Document> all = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            all.add(new Document("_id", "a" + i).append("lastPosition", 10L + i).append("value", "v" + i));
        }
        documents.insertMany(all);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aGuardedReplaceReadsOneDocumentAndAppliesOnlyWhenTheStoredPositionIsLower() {
        Bson newer = guard("a500", 1_000L);
        long replaced = examined(() ->
                documents.replaceOne(newer, document("a500", 1_000L, "newer")).getModifiedCount());
        assertThat(replaced).isEqualTo(1);
        assertThat(value("a500")).isEqualTo("newer");

        long stale = examined(() -> documents
                .replaceOne(guard("a500", 999L), document("a500", 999L, "stale"))
                .getModifiedCount());
        assertThat(stale).isZero();
        assertThat(value("a500")).isEqualTo("newer");
        assertThat(lastExamined).isLessThanOrEqualTo(1);

        long same = documents
                .replaceOne(guard("a500", 1_000L), document("a500", 1_000L, "same position"))
                .getModifiedCount();
        assertThat(same).isZero();
        assertThat(value("a500")).isEqualTo("newer");
    }

    @Test
    void theGuardIsAnIdLookupInEveryFormTheDriverSends() {
        examined(() -> documents.find(guard("a7", 100L)).into(new ArrayList<>()));
        assertThat(lastExamined).isEqualTo(1);

        examined(() ->
                documents.find(and(eq("_id", "a7"), lt("lastPosition", 100L))).into(new ArrayList<>()));
        assertThat(lastExamined).isEqualTo(1);

        examined(() -> documents.updateOne(guard("a8", 100L), Updates.set("value", "updated")));
        assertThat(lastExamined).isEqualTo(1);
        assertThat(value("a8")).isEqualTo("updated");

        examined(() -> documents.deleteOne(guard("a9", 5L)));
        assertThat(lastExamined).isEqualTo(1);
        assertThat(documents.countDocuments(eq("_id", "a9"))).isEqualTo(1);

        List<Document> some = examined(() -> documents
                .find(and(in("_id", List.of("a1", "a2", "a3", "missing")), gte("lastPosition", 12L)))
                .into(new ArrayList<>()));
        assertThat(some).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("a2", "a3");
        assertThat(lastExamined).isEqualTo(3);
    }

    @Test
    void aFilterWithoutAnIdStillMatchesEveryDocument() {
        List<Document> found =
                examined(() -> documents.find(lt("lastPosition", 15L)).into(new ArrayList<>()));
        assertThat(found).hasSize(5);
        assertThat(lastExamined).isEqualTo(DOCUMENTS);
    }

    @Test
    void aGuardedUpsertInsertsWhatIsMissingAndClashesOnTheIdWithWhatIsNewer() {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        documents.replaceOne(guard("new", 5L), document("new", 5L, "inserted"), upsert);
        assertThat(value("new")).isEqualTo("inserted");
        assertThat(documents.find(eq("_id", "new")).first()).containsEntry("lastPosition", 5L);

        assertThatThrownBy(() -> documents.replaceOne(guard("a3", 4L), document("a3", 4L, "stale"), upsert))
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(value("a3")).isEqualTo("v3");
        assertThat(documents.countDocuments()).isEqualTo(DOCUMENTS + 1);
    }

    private <T> T examined(Supplier<T> action) {
        long before = backend.documentsExamined();
        T result = action.get();
        lastExamined = backend.documentsExamined() - before;
        return result;
    }

    private static Bson guard(String id, long position) {
        return new Document("_id", id).append("lastPosition", new Document("$lt", position));
    }

    private static Document document(String id, long position, String value) {
        return new Document("_id", id).append("lastPosition", position).append("value", value);
    }

    private String value(String id) {
        return documents.find(eq("_id", id)).first().getString("value");
    }
}
