package org.newsroom.query.projection;

import static com.mongodb.client.model.Filters.eq;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Which version of each projection serves reads, and which one a rebuild is writing: one document per projection in
 * {@code projection_versions}, {@code {_id: "site", active: 2, building: 3}}.
 */
final class ProjectionVersions {

    private static final String ACTIVE = "active";
    private static final String BUILDING = "building";

    private final MongoCollection<Document> pointers;
    private final Map<String, Integer> active = new ConcurrentHashMap<>();

    ProjectionVersions(MongoDatabase database) {
        this.pointers = database.getCollection("projection_versions");
    }

    int active(String projection) {
        return active.computeIfAbsent(projection, name -> {
            Document pointer = pointer(name);
            return pointer.getInteger(ACTIVE, 1);
        });
    }

    /** The version an interrupted rebuild left behind, if any. */
    Integer building(String projection) {
        return pointer(projection).getInteger(BUILDING);
    }

    /** Reserves the next version for a rebuild. */
    int startBuilding(String projection) {
        Document pointer = pointer(projection);
        int next = Math.max(pointer.getInteger(ACTIVE, 1), pointer.getInteger(BUILDING, 0)) + 1;
        save(pointer.append(BUILDING, next));
        return next;
    }

    void stopBuilding(String projection) {
        Document pointer = pointer(projection);
        pointer.remove(BUILDING);
        save(pointer);
    }

    void activate(String projection, int version) {
        Document pointer = pointer(projection).append(ACTIVE, version);
        pointer.remove(BUILDING);
        save(pointer);
        active.put(projection, version);
    }

    private Document pointer(String projection) {
        Document pointer = pointers.find(eq("_id", projection)).first();
        return pointer != null ? pointer : new Document("_id", projection).append(ACTIVE, 1);
    }

    private void save(Document pointer) {
        pointers.replaceOne(eq("_id", pointer.get("_id")), pointer, new ReplaceOptions().upsert(true));
    }
}
