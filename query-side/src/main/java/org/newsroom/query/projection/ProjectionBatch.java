package org.newsroom.query.projection;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

/**
 * The reads and writes of one batch of events for one projection.
 * <p>
 * Documents are read by {@code _id} once per batch and kept; changes replace whole documents and are written together
 * at the end of the batch, one unordered bulk write per collection. Every document carries {@value #LAST_POSITION},
 * the global position of the last event applied to it, and a write only replaces a document whose position is lower:
 * a batch delivered twice, or two writers racing, change nothing the second time.
 */
public final class ProjectionBatch {

    public static final String ID = "_id";
    public static final String LAST_POSITION = "lastPosition";

    private final ProjectionCollections target;
    private final Map<String, Map<String, Optional<Document>>> known = new HashMap<>();
    private final Map<String, LinkedHashMap<String, Document>> writes = new LinkedHashMap<>();
    private final List<Staged> change = new ArrayList<>();
    private long position;

    private record Staged(String collection, Document document) {
    }

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
            if (staged.collection().equals(collection) && id.equals(staged.document().get(ID))) {
                return Optional.of(staged.document());
            }
        }
        Map<String, Optional<Document>> documents = known.computeIfAbsent(collection, c -> new HashMap<>());
        Optional<Document> cached = documents.get(id);
        if (cached == null) {
            cached = Optional.ofNullable(target.collection(collection).find(eq(ID, id)).first());
            documents.put(id, cached);
        }
        return cached;
    }

    /** The document whose unique {@code field} has {@code value}, as this batch sees it (by a unique index). */
    public Optional<Document> findUnique(String collection, String field, Object value) {
        for (Document document : writes.getOrDefault(collection, new LinkedHashMap<>()).values()) {
            if (value.equals(document.get(field))) {
                return Optional.of(document);
            }
        }
        for (Staged staged : change) {
            if (staged.collection().equals(collection) && value.equals(staged.document().get(field))) {
                return Optional.of(staged.document());
            }
        }
        return Optional.ofNullable(target.collection(collection).find(eq(field, value)).first());
    }

    /** Reads the documents of many ids at once, so that the handlers of a batch find them without a round trip. */
    public void prefetch(String collection, Collection<String> ids) {
        Map<String, Optional<Document>> documents = known.computeIfAbsent(collection, c -> new HashMap<>());
        List<String> missing = ids.stream().distinct().filter(id -> !documents.containsKey(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(id -> documents.put(id, Optional.empty()));
        target.collection(collection).find(in(ID, missing))
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
            writes.computeIfAbsent(staged.collection(), c -> new LinkedHashMap<>()).put(id, staged.document());
            known.computeIfAbsent(staged.collection(), c -> new HashMap<>()).put(id, Optional.of(staged.document()));
        }
        change.clear();
    }

    void discardChange() {
        change.clear();
    }

    void advanceTo(long eventPosition) {
        position = Math.max(position, eventPosition);
    }

    /** The position of the last event this batch has seen, handled or not. */
    public long position() {
        return position;
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** Writes every staged document; duplicate keys mean a newer version is stored already, which is fine. */
    void flush() {
        for (Map.Entry<String, LinkedHashMap<String, Document>> entry : writes.entrySet()) {
            List<WriteModel<Document>> models = new ArrayList<>(entry.getValue().size());
            for (Document document : entry.getValue().values()) {
                models.add(new ReplaceOneModel<>(
                        and(eq(ID, document.get(ID)), lt(LAST_POSITION, document.getLong(LAST_POSITION))),
                        document, new ReplaceOptions().upsert(true)));
            }
            try {
                target.collection(entry.getKey()).bulkWrite(models, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    // only a clash on _id means "a newer version is stored"; another unique index is a real conflict
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY
                            || !error.getMessage().contains("_id_")) {
                        throw e;
                    }
                }
            }
        }
        writes.clear();
    }
}
