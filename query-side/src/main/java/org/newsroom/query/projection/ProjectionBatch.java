package org.newsroom.query.projection;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * The reads and writes of one batch of events for one projection.
 * <p>
 * Documents are read by {@code _id} once per batch and kept; changes replace whole documents and are written together
 * at the end of the batch, one unordered bulk write per collection. Every document carries {@value #LAST_POSITION},
 * the global position of the last event applied to it; handlers compare it with the event's position and ignore what
 * is already applied, so a batch delivered twice changes nothing the second time.
 * <p>
 * Every write is guarded by position: it replaces the stored document only if the stored {@value #LAST_POSITION} is
 * lower, {@code {_id, lastPosition: {$lt: new}}}, and inserts the document if there is none (an upsert). A guarded
 * upsert that meets a document at the same or a higher position fails on the {@code _id} index and changes nothing:
 * an instance that lost its claim while paused, or a rebuild behind the live projection, can never overwrite newer
 * state, document by document. The guard costs an {@code _id} lookup, on MongoDB and on the embedded server alike.
 */
public final class ProjectionBatch {

    public static final String ID = "_id";
    public static final String LAST_POSITION = "lastPosition";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final ProjectionCollections target;
    private final Map<String, Map<String, Optional<Document>>> known = new HashMap<>();
    private final Map<String, Map<Object, Optional<Document>>> knownUnique = new HashMap<>();
    private final Map<String, LinkedHashMap<String, Document>> writes = new LinkedHashMap<>();
    private final List<Staged> change = new ArrayList<>();
    private long position;
    private long firstPosition;

    private record Staged(String collection, Document document) {}

    public ProjectionBatch(ProjectionCollections target) {
        this.target = target;
    }

    public ProjectionCollections target() {
        return target;
    }

    /** The document as this batch sees it: changed in this batch, or as stored. */
    public Optional<Document> find(String collection, String id) {
        for (int i = change.size() - 1; i >= 0; i--) {
            Staged staged = change.get(i);
            if (staged.collection().equals(collection)
                    && id.equals(staged.document().get(ID))) {
                return Optional.of(staged.document());
            }
        }
        Map<String, Optional<Document>> documents = known.computeIfAbsent(collection, c -> new HashMap<>());
        Optional<Document> cached = documents.get(id);
        if (cached == null) {
            cached = Optional.ofNullable(
                    target.collection(collection).find(eq(ID, id)).first());
            documents.put(id, cached);
        }
        return cached;
    }

    /** The document whose unique {@code field} has {@code value}, as this batch sees it (by a unique index). */
    public Optional<Document> findUnique(String collection, String field, Object value) {
        for (Document document :
                writes.getOrDefault(collection, new LinkedHashMap<>()).values()) {
            if (value.equals(document.get(field))) {
                return Optional.of(document);
            }
        }
        for (Staged staged : change) {
            if (staged.collection().equals(collection)
                    && value.equals(staged.document().get(field))) {
                return Optional.of(staged.document());
            }
        }
        Map<Object, Optional<Document>> prefetched = knownUnique.get(collection + "." + field);
        if (prefetched != null && prefetched.containsKey(value)) {
            return prefetched.get(value);
        }
        return Optional.ofNullable(
                target.collection(collection).find(eq(field, value)).first());
    }

    /**
     * Reads the documents whose unique {@code field} has one of {@code values} with one query, so that
     * {@link #findUnique} answers from memory for them; documents changed in this batch still take precedence.
     */
    public void prefetchUnique(String collection, String field, Collection<?> values) {
        Map<Object, Optional<Document>> prefetched =
                knownUnique.computeIfAbsent(collection + "." + field, key -> new HashMap<>());
        List<?> missing = values.stream()
                .distinct()
                .filter(value -> !prefetched.containsKey(value))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(value -> prefetched.put(value, Optional.empty()));
        target.collection(collection)
                .find(in(field, missing))
                .forEach(document -> prefetched.put(document.get(field), Optional.of(document)));
    }

    /** Reads the documents of many ids at once, so that the handlers of a batch find them without a round trip. */
    public void prefetch(String collection, Collection<String> ids) {
        Map<String, Optional<Document>> documents = known.computeIfAbsent(collection, c -> new HashMap<>());
        List<String> missing =
                ids.stream().distinct().filter(id -> !documents.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(id -> documents.put(id, Optional.empty()));
        target.collection(collection)
                .find(in(ID, missing))
                .forEach(document -> documents.put(document.getString(ID), Optional.of(document)));
    }

    /** Stages a whole document (with {@code _id} and {@value #LAST_POSITION}) as part of the current change. */
    public void put(String collection, Document document) {
        if (!(document.get(ID) instanceof String) || !(document.get(LAST_POSITION) instanceof Long)) {
            throw new IllegalArgumentException("a projected document needs a string _id and a long lastPosition");
        }
        change.add(new Staged(collection, document));
    }

    void commitChange() {
        for (Staged staged : change) {
            String id = staged.document().getString(ID);
            writes.computeIfAbsent(staged.collection(), c -> new LinkedHashMap<>())
                    .put(id, staged.document());
            known.computeIfAbsent(staged.collection(), c -> new HashMap<>()).put(id, Optional.of(staged.document()));
        }
        change.clear();
    }

    void discardChange() {
        change.clear();
    }

    void advanceTo(long eventPosition) {
        if (firstPosition == 0) {
            firstPosition = eventPosition;
        }
        position = Math.max(position, eventPosition);
    }

    /** The position of the first event this batch has seen. */
    long firstPosition() {
        return firstPosition;
    }

    /** The position of the last event this batch has seen, handled or not. */
    public long position() {
        return position;
    }

    /** Writes every staged document into the batch's own target. */
    void flush() {
        flush(List.of(target));
    }

    /**
     * Writes every staged document into each of {@code targets}, guarded by position: one unordered bulk write per
     * collection and target.
     */
    void flush(List<ProjectionCollections> targets) {
        for (ProjectionCollections version : targets) {
            for (Map.Entry<String, LinkedHashMap<String, Document>> entry : writes.entrySet()) {
                write(
                        version.collection(entry.getKey()),
                        List.copyOf(entry.getValue().values()));
            }
        }
        writes.clear();
    }

    private static void write(MongoCollection<Document> collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> models = new ArrayList<>(documents.size());
        for (Document document : documents) {
            models.add(new ReplaceOneModel<>(guard(document), document, UPSERT));
        }
        try {
            collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (!isDuplicateId(error)) {
                    throw e;
                }
            }
            // every error is a document stored at the same or a higher position: it stays as it is
        }
    }

    /** Matches the stored document only if it is older than {@code document}; with an upsert, inserts if none. */
    static Bson guard(Document document) {
        return new Document(ID, document.get(ID))
                .append(LAST_POSITION, new Document("$lt", document.get(LAST_POSITION)));
    }

    /**
     * Only a clash on {@code _id} means "stored at the same or a higher position"; a clash on another unique index is
     * a real conflict.
     */
    private static boolean isDuplicateId(BulkWriteError error) {
        return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                && error.getMessage().contains("_id_");
    }
}
