package org.newsroom.query.projection;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.max;
import static com.mongodb.client.model.Updates.set;

import java.util.Collection;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;

/**
 * Which live segments write a version being rebuilt, in MongoDB ({@value #COLLECTION}, one document per rebuild:
 * {@code {_id: "site/v2", rebuilt: 812, segments: {"0": {attached: true, upTo: 815}}}}).
 * <p>
 * A live batch reads the active version and may copy what it wrote into the version being rebuilt only when that
 * version already holds every earlier event of the batch's segment. Otherwise a document the live batch copied would
 * be newer than events the rebuild has yet to apply to it, and the guard on positions would make the rebuild skip them:
 * an article's earlier audit entries would never be written. So a segment is <em>attached</em> once the rebuild has
 * passed everything the segment wrote without the new version ({@code upTo}); from then on each of its batches goes
 * into both versions. The rebuild switches over only once every segment is attached.
 */
final class RebuildMarks {

    static final String COLLECTION = "projection_rebuild_marks";

    private static final String REBUILT = "rebuilt";
    private static final String SEGMENTS = "segments";
    private static final String ATTACHED = "attached";
    private static final String UP_TO = "upTo";

    private final MongoCollection<Document> marks;

    RebuildMarks(MongoDatabase database) {
        this.marks = database.getCollection(COLLECTION);
    }

    /** The rebuild of {@code version} has applied every event up to {@code position}. */
    void rebuilt(String projection, int version, long position) {
        marks.updateOne(eq("_id", id(projection, version)), max(REBUILT, position), new UpdateOptions().upsert(true));
    }

    /**
     * Whether a live batch of {@code segment}, whose events run from {@code first} to {@code last}, is written into
     * {@code version} too; when it is not, the rebuild will have to pass {@code last} before the segment attaches.
     */
    boolean writesLiveBatch(String projection, int version, int segment, long first, long last) {
        String id = id(projection, version);
        @Nullable Document stored = marks.find(eq("_id", id)).first();
        Document mark = segment(stored, segment);
        long rebuilt = stored == null ? 0 : number(stored, REBUILT);
        if (Boolean.TRUE.equals(mark.getBoolean(ATTACHED)) || rebuilt >= first - 1) {
            marks.updateOne(
                    eq("_id", id),
                    combine(set(field(segment, ATTACHED), true), max(field(segment, UP_TO), last)),
                    new UpdateOptions().upsert(true));
            return true;
        }
        try {
            marks.updateOne(
                    and(eq("_id", id), ne(field(segment, ATTACHED), true)),
                    max(field(segment, UP_TO), last),
                    new UpdateOptions().upsert(true));
            return false;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the rebuild attached the segment in between: it had passed everything the segment wrote before
            return true;
        }
    }

    /**
     * Attaches every segment of {@code segments} whose writes without the new version the rebuild, at {@code rebuilt},
     * has passed; answers whether every one is attached now.
     */
    boolean attach(String projection, int version, Collection<Integer> segments, long rebuilt) {
        String id = id(projection, version);
        rebuilt(projection, version, rebuilt);
        for (int segment : segments) {
            marks.updateOne(
                    and(
                            eq("_id", id),
                            ne(field(segment, ATTACHED), true),
                            or(exists(field(segment, UP_TO), false), lte(field(segment, UP_TO), rebuilt))),
                    set(field(segment, ATTACHED), true));
        }
        @Nullable Document stored = marks.find(eq("_id", id)).first();
        return segments.stream()
                .allMatch(
                        segment -> Boolean.TRUE.equals(segment(stored, segment).getBoolean(ATTACHED)));
    }

    /** Forgets a rebuild that completed or was given up. */
    void forget(String projection, int version) {
        marks.deleteOne(eq("_id", id(projection, version)));
    }

    private static Document segment(@Nullable Document stored, int segment) {
        if (stored == null || !(stored.get(SEGMENTS) instanceof Document segments)) {
            return new Document();
        }
        return segments.get(Integer.toString(segment)) instanceof Document mark ? mark : new Document();
    }

    private static long number(Document document, String field) {
        return document.get(field) instanceof Number number ? number.longValue() : 0;
    }

    private static String field(int segment, String name) {
        return SEGMENTS + "." + segment + "." + name;
    }

    private static String id(String projection, int version) {
        return projection + "/v" + version;
    }
}
