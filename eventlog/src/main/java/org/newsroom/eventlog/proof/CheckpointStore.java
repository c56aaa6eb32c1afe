package org.newsroom.eventlog.proof;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.util.Date;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The signed checkpoints, kept for fast reading next to the log that holds them as events (the log is the record;
 * this is its index): {@code transparency_checkpoints} has one document per checkpoint number, and the tree
 * collection's {@code checkpoint} document is the latest one, replaced only by a higher number. A write of the same
 * number writes the same content, so any instance may repeat it.
 */
public final class CheckpointStore {

    public static final String CHECKPOINTS = "transparency_checkpoints";
    private static final String LATEST = "checkpoint";

    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> tree;

    public CheckpointStore(MongoDatabase database) {
        this.checkpoints = database.getCollection(CHECKPOINTS);
        this.tree = database.getCollection(TileStore.TREE);
    }

    public Optional<SignedCheckpoint> latest() {
        return Optional.ofNullable(tree.find(eq("_id", LATEST)).first()).map(CheckpointStore::from);
    }

    public Optional<SignedCheckpoint> byNumber(long number) {
        return Optional.ofNullable(checkpoints.find(eq("_id", number)).first()).map(CheckpointStore::from);
    }

    public void record(SignedCheckpoint checkpoint) {
        Document document = new Document("number", checkpoint.number())
                .append("size", checkpoint.size())
                .append("rootHash", checkpoint.rootHash())
                .append("timestamp", Date.from(checkpoint.timestamp()))
                .append("note", checkpoint.note());
        checkpoints.replaceOne(
                eq("_id", checkpoint.number()),
                new Document("_id", checkpoint.number()).append("checkpoint", document),
                new ReplaceOptions().upsert(true));
        try {
            tree.replaceOne(
                    and(eq("_id", LATEST), lt("checkpoint.number", checkpoint.number())),
                    new Document("_id", LATEST).append("checkpoint", document),
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static SignedCheckpoint from(Document stored) {
        Document checkpoint = stored.get("checkpoint", Document.class);
        return new SignedCheckpoint(
                checkpoint.get("number", Number.class).longValue(),
                checkpoint.get("size", Number.class).longValue(),
                checkpoint.getString("rootHash"),
                checkpoint.getDate("timestamp").toInstant(),
                checkpoint.getString("note"));
    }
}
