package org.newsroom.embedded;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import org.h2.mvstore.MVMap;
import org.jspecify.annotations.Nullable;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * mongo-java-server's H2 collection, reading by {@code _id} whenever a filter pins it down, and through a unique index
 * whenever a filter pins down its leading fields.
 * <p>
 * mongo-java-server uses an index only for a filter that names exactly that index's fields, so a filter with an
 * {@code _id} equality and anything else ({@code {_id: "a1", lastPosition: {$lt: 42}}}, or the same inside a
 * top-level {@code $and}) matched every document of the collection. Here the {@code _id} part alone is looked up
 * through the {@code _id} index and the whole filter is then matched against what was found, which is exactly what it
 * would have matched: a document without that {@code _id} can never match the filter. Queries, updates, replaces,
 * deletes and find-and-modify all go through here.
 * <p>
 * Likewise, a filter that gives string values by equality to the leading fields of a unique index but not to all of
 * them ({@code {files_id: "m1/original"}} against GridFS's {@code {files_id: 1, n: 1}}: every chunk of one file) is
 * answered from the range of that index's keys that start with those values, and the whole filter is matched against
 * the documents of that range; mongo-java-server would match it against the whole collection, every chunk of every
 * stored file.
 */
final class IdLookupCollection extends H2Collection {

    private static final String ID = "_id";
    private static final String AND = "$and";

    private final LongAdder examined;
    /** The thread adding an index without reading the documents ({@link #addIndex}), if any. */
    private volatile @Nullable Thread skipping;

    IdLookupCollection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> documents,
            MVMap<String, Object> meta,
            CursorRegistry cursors,
            LongAdder examined) {
        super(database, collectionName, options, documents, meta, cursors);
        this.examined = examined;
    }

    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Document byId = idPart(query);
        if (byId != null) {
            for (Index<Object> index : getIndexes()) {
                if (index.canHandle(byId)) {
                    return matchDocuments(
                            query, index.getPositions(byId), orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
        }
        if (getIndexes().stream().noneMatch(index -> index.canHandle(query))) {
            EmbeddedDatabase.Ordered best = null;
            List<Object> bestPrefix = List.of();
            for (Index<Object> index : getIndexes()) {
                if (index instanceof EmbeddedDatabase.Ordered ordered) {
                    List<Object> prefix = ordered.equalityPrefix(query);
                    if (prefix.size() > bestPrefix.size()) {
                        best = ordered;
                        bestPrefix = prefix;
                    }
                }
            }
            if (best != null) {
                return matchDocuments(
                        query,
                        best.positionsStartingWith(bestPrefix),
                        orderBy,
                        numberToSkip,
                        limit,
                        batchSize,
                        fieldSelector);
            }
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * Adds an index without reading the collection when reading it cannot add anything: mongo-java-server reads every
     * document into an index it finds empty, also when a database is opened, so each start read the whole of every
     * collection with an empty sparse index (the event log's idempotency keys) or an index it does not keep (not
     * unique: {@link EmptyIndex}), a cost growing with history. An index opened with its database is the persistent map
     * committed together with the documents, so it is complete already; an {@link EmptyIndex} adds nothing.
     */
    @Override
    public void addIndex(Index<Object> index) {
        if (!(index instanceof EmptyIndex) && !EmbeddedDatabase.opening()) {
            super.addIndex(index);
            return;
        }
        skipping = Thread.currentThread();
        try {
            super.addIndex(index);
        } finally {
            skipping = null;
        }
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return skipping == Thread.currentThread() ? Stream.empty() : super.streamAllDocumentsWithPosition();
    }

    /** Counts every document a filter is matched against, as MongoDB's {@code totalDocsExamined} does. */
    @Override
    protected QueryResult matchDocumentsFromStream(
            Stream<Document> documentStream,
            Document query,
            Document orderBy,
            int numberToSkip,
            int limit,
            int batchSize,
            Document fieldSelector) {
        return super.matchDocumentsFromStream(
                documentStream.peek(document -> examined.increment()),
                query,
                orderBy,
                numberToSkip,
                limit,
                batchSize,
                fieldSelector);
    }

    /**
     * {@code {_id: <condition>}} when the filter has more than that condition on {@code _id}, at its top level or in
     * one of the clauses of a top-level {@code $and}; null when the filter is {@code _id} alone (the superclass finds
     * its index itself) or has no {@code _id} condition.
     */
    static @Nullable Document idPart(Document query) {
        if (query.containsKey(ID)) {
            return query.size() > 1 ? new Document(ID, query.get(ID)) : null;
        }
        if (query.get(AND) instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document condition && condition.containsKey(ID)) {
                    return new Document(ID, condition.get(ID));
                }
            }
        }
        return null;
    }
}
