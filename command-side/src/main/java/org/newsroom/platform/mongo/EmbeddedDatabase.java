package org.newsroom.platform.mongo;

import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/**
 * mongo-java-server's H2 database with unique indexes kept in {@link KeyOrder}: every {@code _id} lookup and every
 * unique-key check is a binary search without Java serialization. An index map that an earlier version wrote in H2's
 * default order ({@code <ns>._index_<name>}) is copied once into the new map ({@code <ns>._index_<name>#ordered}) and
 * removed when the database is opened.
 */
final class OrderedIndexes extends H2Database {

    private static final Logger log = LoggerFactory.getLogger(OrderedIndexes.class);
    static final String SUFFIX = "#ordered";

    private final MVStore store;

    OrderedIndexes(String databaseName, MVStore store, CursorRegistry cursors) {
        super(databaseName, store, cursors);
        this.store = store;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        // runs from the superclass constructor for existing collections too, before this.store is set
        MVStore mvStore = storeOf(this);
        String legacyName = legacyMapName(collectionName, indexName);
        MVMap<KeyValue, Object> map = mvStore.openMap(legacyName + SUFFIX,
                new MVMap.Builder<KeyValue, Object>().keyType(KeyOrder.INSTANCE));
        if (mvStore.hasMap(legacyName)) {
            MVMap<Object, Object> legacy = mvStore.openMap(legacyName);
            for (Map.Entry<Object, Object> entry : legacy.entrySet()) {
                map.putIfAbsent((KeyValue) entry.getKey(), entry.getValue());
            }
            log.info("Index {} copied into key order ({} keys)", legacyName, map.sizeAsLong());
            mvStore.removeMap(legacy);
        }
        return new Ordered(indexName, map, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        storeOf(this).removeMap(legacyMapName(collection.getCollectionName(), indexName) + SUFFIX);
    }

    private String legacyMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    private static MVStore storeOf(OrderedIndexes database) {
        return database.store != null ? database.store : CONSTRUCTING.get();
    }

    /** The store of a database being constructed, for the index maps its superclass opens in its constructor. */
    static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();

    static OrderedIndexes open(String databaseName, MVStore store, CursorRegistry cursors) {
        CONSTRUCTING.set(store);
        try {
            return new OrderedIndexes(databaseName, store, cursors);
        } finally {
            CONSTRUCTING.remove();
        }
    }

    /** A unique index over an ordered map; mirrors mongo-java-server's H2UniqueIndex. */
    private static final class Ordered extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        Ordered(String name, MVMap<KeyValue, Object> map, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(keyValue);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
