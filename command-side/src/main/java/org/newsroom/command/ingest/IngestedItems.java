package org.newsroom.command.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.AgencyPicture;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

/**
 * What the ingest has done, in MongoDB so that every instance sees it: {@value #COLLECTION} holds one document per
 * agency item version fully ingested, {@code _id} = {@code <source>|<uri>|<version>} (the delivery's idempotency key,
 * written only once every command for it committed), and the GridFS bucket {@value #BUCKET} keeps the bytes each
 * agency sent, as they arrived, under their SHA-256.
 */
public class IngestedItems {

    static final String COLLECTION = "ingested_items";
    static final String BUCKET = "ingest";

    private final MongoCollection<Document> items;
    private final GridFSBucket originals;

    public IngestedItems(MongoDatabase database) {
        this.items = database.getCollection(COLLECTION);
        this.originals = GridFSBuckets.create(database, BUCKET);
        items.createIndex(Indexes.descending("receivedAt"));
    }

    Optional<Document> find(String key) {
        return Optional.ofNullable(items.find(Filters.eq("_id", key)).first());
    }

    /**
     * The picture an item version sent on its own carried, when that version was ingested as such ({@code picture})
     * with a rendition on a web address: the item, and that rendition's address.
     */
    public Optional<IngestedPicture> picture(String source, String itemUri, String itemVersion) {
        return find(source + "|" + itemUri + "|" + itemVersion)
                .filter(item -> "picture".equals(item.getString("state")))
                .flatMap(item -> item.getList("pictures", Document.class, List.of()).stream()
                        .findFirst()
                        .map(picture -> new IngestedPicture(
                                new AgencyPicture(
                                        item.getString("source"),
                                        item.getString("itemUri"),
                                        item.getString("itemVersion"),
                                        item.getString("sha256")),
                                picture.getString("uri"))));
    }

    /** A picture an agency sent on its own, as ingested: the item version, and its widest web rendition's address. */
    public record IngestedPicture(AgencyPicture item, String uri) {}

    /** Records a version as ingested; false when another delivery of it was recorded first. */
    boolean record(Document item) {
        try {
            items.insertOne(item);
            return true;
        } catch (MongoWriteException duplicate) {
            if (duplicate.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw duplicate;
        }
    }

    /** The incoming list: newest first, in {@code state} when given. */
    public List<Document> list(@Nullable String state, int page, int size) {
        Bson filter = state == null ? Filters.empty() : Filters.eq("state", state);
        return items.find(filter)
                .sort(Sorts.descending("receivedAt", "_id"))
                .skip(page * size)
                .limit(size)
                .into(new ArrayList<>());
    }

    public long count(@Nullable String state) {
        return state == null ? items.countDocuments() : items.countDocuments(Filters.eq("state", state));
    }

    /** Keeps {@code bytes} under their digest; a second delivery of the same bytes keeps nothing more. */
    void keepOriginal(String sha256, byte[] bytes, String contentType, Instant at) {
        if (original(sha256).isPresent()) {
            return;
        }
        originals.uploadFromStream(
                sha256,
                new ByteArrayInputStream(bytes),
                new GridFSUploadOptions().metadata(new Document("contentType", contentType).append("receivedAt", at)));
    }

    /** The bytes an agency sent, and their content type, by their SHA-256. */
    public Optional<Original> original(String sha256) {
        GridFSFile file = originals.find(Filters.eq("filename", sha256)).first();
        if (file == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        originals.downloadToStream(file.getObjectId(), bytes);
        String contentType =
                file.getMetadata() == null ? null : file.getMetadata().getString("contentType");
        return Optional.of(
                new Original(bytes.toByteArray(), contentType == null ? "application/octet-stream" : contentType));
    }

    /** An original as it was delivered. */
    public record Original(byte[] bytes, String contentType) {}
}
