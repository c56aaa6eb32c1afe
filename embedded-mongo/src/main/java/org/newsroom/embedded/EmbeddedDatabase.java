/*
 * Adapted from mongo-java-server 1.47.0 (https://github.com/bwaldvogel/mongo-java-server), h2-backend: the unique
 * index class Ordered follows H2UniqueIndex, and the map names of collections and indexes follow H2Database.
 * Changes Copyright 2026 The Newsroom authors, under the Apache License, Version 2.0 (see LICENSE and NOTICE).
 *
 * mongo-java-server's notice:
 *
 * Copyright (c) 2011-2013 The mongo-java-server Project.
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions
 * are met:
 *
 * 1. Redistributions of source code must retain the above copyright
 * notice, this list of conditions and the following disclaimer.
 *
 * 2. Redistributions in binary form must reproduce the above copyright
 * notice, this list of conditions and the following disclaimer in the
 * documentation and/or other materials provided with the distribution.
 *
 * 3. Neither name of copyright holders nor the names of its contributors
 * may be used to endorse or promote products derived from this software
 * without specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS
 * ``AS IS'' AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT
 * LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR
 * A PARTICULAR PURPOSE ARE DISCLAIMED.  IN NO EVENT SHALL THE REGENTS OR
 * CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,
 * EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO,
 * PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR
 * PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF
 * LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
 * NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
 * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
package org.newsroom.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 database without Java serialization on its hot paths: unique indexes are kept in
 * {@link KeyOrder}, so every {@code _id} lookup and unique-key check is a binary search over plain values, and
 * documents are stored as BSON ({@link BsonDocuments}). An index map that an earlier version wrote in H2's default
 * order ({@code <ns>._index_<name>}) is copied once into the new map ({@code <ns>._index_<name>#ordered}) and removed
 * when the database is opened; documents written by an earlier version are converted before ({@link
 * BsonDocuments#convert}).
 */
final class EmbeddedDatabase extends H2Database {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String SUFFIX = "#ordered";

    private final MVStore store;
    private final LongAdder examined;

    EmbeddedDatabase(String databaseName, MVStore store, CursorRegistry cursors, LongAdder examined) {
        super(databaseName, store, cursors);
        this.store = store;
        this.examined = examined;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        // runs from the superclass constructor for existing collections too, before this.store is set
        MVStore mvStore = storeOf(this);
        String legacyName = legacyMapName(collectionName, indexName);
        MVMap<KeyValue, Object> map =
                mvStore.openMap(legacyName + SUFFIX, new MVMap.Builder<KeyValue, Object>().keyType(KeyOrder.INSTANCE));
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
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        // runs from the superclass constructor for existing collections too, before this.store is set
        MVStore mvStore = storeOf(this);
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> documents = mvStore.openMap(
                BsonDocuments.DATA_MAP_PREFIX + namespace,
                new MVMap.Builder<Object, Document>().valueType(BsonDocuments.INSTANCE));
        MVMap<String, Object> meta = mvStore.openMap("meta." + namespace);
        return new IdLookupCollection(this, collectionName, options, documents, meta, cursorRegistry, examinedOf(this));
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        storeOf(this).removeMap(legacyMapName(collection.getCollectionName(), indexName) + SUFFIX);
    }

    private String legacyMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    private static MVStore storeOf(EmbeddedDatabase database) {
        return database.store != null ? database.store : CONSTRUCTING.get().store();
    }

    private static LongAdder examinedOf(EmbeddedDatabase database) {
        return database.examined != null
                ? database.examined
                : CONSTRUCTING.get().examined();
    }

    private record Opening(MVStore store, LongAdder examined) {}

    /**
     * The store and counter of a database being constructed, for the maps and collections its superclass opens in its
     * constructor.
     */
    private static final ThreadLocal<Opening> CONSTRUCTING = new ThreadLocal<>();

    /** Whether this thread is opening a database: its collections and indexes are read from the store. */
    static boolean opening() {
        return CONSTRUCTING.get() != null;
    }

    static EmbeddedDatabase open(String databaseName, MVStore store, CursorRegistry cursors, LongAdder examined) {
        CONSTRUCTING.set(new Opening(store, examined));
        try {
            return new EmbeddedDatabase(databaseName, store, cursors, examined);
        } finally {
            CONSTRUCTING.remove();
        }
    }

    /**
     * A unique index over an ordered map; mirrors mongo-java-server's H2UniqueIndex, and also answers an equality on
     * its leading fields alone ({@link #positionsStartingWith}).
     */
    static final class Ordered extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        Ordered(String name, MVMap<KeyValue, Object> map, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        /**
         * The string values a filter gives, by plain equality, to this index's leading fields, in index order: empty
         * when it gives none to the first field, or when the index is sparse (it may lack documents the filter
         * matches). Only strings, which the index holds as given (other values it may hold normalized).
         */
        List<Object> equalityPrefix(Document filter) {
            List<Object> prefix = new ArrayList<>();
            if (isSparse()) {
                return prefix;
            }
            for (String field : keys()) {
                if (!(filter.get(field) instanceof String value)) {
                    break;
                }
                prefix.add(value);
            }
            return prefix;
        }

        /**
         * The positions of the documents whose leading key fields equal {@code prefix}: one range of the ordered map,
         * since {@link KeyOrder} orders keys element by element and a key that is a prefix of another before it.
         */
        List<Object> positionsStartingWith(List<Object> prefix) {
            List<Object> positions = new ArrayList<>();
            Cursor<KeyValue, Object> cursor = map.cursor(new KeyValue(prefix));
            while (cursor.hasNext()) {
                KeyValue key = cursor.next();
                if (!startsWith(key, prefix)) {
                    break;
                }
                positions.add(cursor.getValue());
            }
            return positions;
        }

        private static boolean startsWith(KeyValue key, List<Object> prefix) {
            if (key.size() < prefix.size()) {
                return false;
            }
            for (int i = 0; i < prefix.size(); i++) {
                if (!prefix.get(i).equals(key.get(i))) {
                    return false;
                }
            }
            return true;
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
