package org.newsroom.embedded;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.newsroom.testing.TempDirs;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** Unique indexes in key order: same answers as before, and data files written by the stock backend still work. */
class OrderedIndexesTest {

    @Test
    void keysCompareByValueAndEqualOnlyWhenEqual() {
        assertThat(KeyOrder.INSTANCE.compare(new KeyValue(5L), new KeyValue(5L)))
                .isZero();
        assertThat(KeyOrder.INSTANCE.compare(new KeyValue(5L), new KeyValue(300L)))
                .isNegative();
        assertThat(KeyOrder.INSTANCE.compare(new KeyValue(-1L), new KeyValue(1L)))
                .isNegative();
        assertThat(KeyOrder.INSTANCE.compare(new KeyValue("a#10"), new KeyValue("a#9")))
                .isNegative();
        assertThat(KeyOrder.INSTANCE.compare(new KeyValue(5L), new KeyValue(5))).isNotZero();
        assertThat(KeyOrder.INSTANCE.compare(new KeyValue("x", 1L), new KeyValue("x", 2L)))
                .isNegative();
        assertThat(KeyOrder.INSTANCE.compare(new KeyValue("x"), new KeyValue("x", 2L)))
                .isNegative();
        assertThat(KeyOrder.INSTANCE.compare(new KeyValue((Object) null), new KeyValue("x")))
                .isNegative();
        Document nested = new Document("a", 1);
        assertThat(KeyOrder.INSTANCE.compare(new KeyValue(nested), new KeyValue(new Document("a", 1))))
                .isZero();
        assertThat(KeyOrder.INSTANCE.compare(new KeyValue(nested), new KeyValue(new Document("a", 2))))
                .isNotZero();
    }

    @Test
    void keysAreWrittenWithoutJavaSerializationAndReadBackEqual() {
        List<KeyValue> keys = List.of(
                new KeyValue(1041L),
                new KeyValue(-7L),
                new KeyValue("a1#0"),
                new KeyValue("caf\u00e9 \u2014 \uD83D\uDCF0"),
                new KeyValue("projection", 0),
                new KeyValue(2.5, true, false),
                new KeyValue((Object) null),
                new KeyValue(new Document("nested", 1)));
        for (KeyValue key : keys) {
            WriteBuffer buffer = new WriteBuffer();
            KeyOrder.INSTANCE.write(buffer, key);
            ByteBuffer written = buffer.getBuffer().flip();
            boolean compact = !(key.get(0) instanceof Document);
            assertThat(written.get(0) == 127).as("compact form of %s", key).isEqualTo(compact);
            Object read = KeyOrder.INSTANCE.read(written);
            assertThat(read).isEqualTo(key);
            assertThat(
                            ((KeyValue) read).get(0) == null
                                    ? null
                                    : ((KeyValue) read).get(0).getClass())
                    .isEqualTo(key.get(0) == null ? null : key.get(0).getClass());
            assertThat(written.hasRemaining()).isFalse();
        }
        WriteBuffer legacy = new WriteBuffer();
        new ObjectDataType().write(legacy, new KeyValue("written-before", 3L));
        assertThat(KeyOrder.INSTANCE.read(legacy.getBuffer().flip())).isEqualTo(new KeyValue("written-before", 3L));
    }

    @Test
    void indexesWrittenByTheStockBackendAreCopiedIntoKeyOrderAndKeepWorking() {
        Path dir = TempDirs.create("ordered-indexes");
        String file = dir.resolve("newsroom.mv.db").toString();
        MongoServer stock = new MongoServer(new H2Backend(file));
        stock.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + stock.getLocalAddress().getPort())) {
            MongoCollection<Document> events = client.getDatabase("newsroom").getCollection("events");
            events.createIndex(
                    Indexes.ascending("seqKey"), new IndexOptions().unique(true).name("seqKey"));
            for (long id = 1; id <= 300; id++) {
                events.insertOne(new Document("_id", id).append("seqKey", "a-" + id + "#0"));
            }
        } finally {
            stock.shutdownNow();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dir);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("newsroom").getCollection("events");
            List<Long> ids = LongStream.rangeClosed(1, 300).boxed().toList();
            assertThat(events.find(in("_id", ids)).into(new ArrayList<>())).hasSize(300);
            assertThat(events.find(eq("seqKey", "a-217#0")).first()).containsEntry("_id", 217L);
            assertDuplicate(() -> events.insertOne(new Document("_id", 42L).append("seqKey", "new#0")));
            assertDuplicate(() -> events.insertOne(new Document("_id", 301L).append("seqKey", "a-5#0")));
            events.insertOne(new Document("_id", 301L).append("seqKey", "a-301#0"));
            assertThat(events.countDocuments(eq("seqKey", "a-301#0"))).isEqualTo(1);
        }

        MVStore store = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            assertThat(store.getMapNames())
                    .contains(
                            "newsroom.events._index_seqKey" + EmbeddedDatabase.SUFFIX,
                            "newsroom.events._index__id_" + EmbeddedDatabase.SUFFIX)
                    .doesNotContain("newsroom.events._index_seqKey", "newsroom.events._index__id_");
        } finally {
            store.close();
        }
    }

    @Test
    void aDroppedCollectionLeavesNoIndexBehind() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(TempDirs.create("ordered-drop"));
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> site = client.getDatabase("newsroom").getCollection("site_v1_articles");
            site.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
            site.insertOne(new Document("_id", "a1").append("slug", "rome"));
            site.drop();
            site.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
            site.insertOne(new Document("_id", "a1").append("slug", "rome"));
            assertThat(site.find(eq("slug", "rome")).first()).containsEntry("_id", "a1");
            assertThat(site.countDocuments()).isEqualTo(1);
        }
    }

    private static void assertDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run)
                .isInstanceOfSatisfying(
                        MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }
}
