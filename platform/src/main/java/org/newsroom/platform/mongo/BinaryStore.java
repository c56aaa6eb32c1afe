package org.newsroom.platform.mongo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

import org.bson.BsonString;
import org.bson.Document;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;

/**
 * Binary files in MongoDB GridFS (the driver's {@link GridFSBucket}, bucket {@value #BUCKET}: collections
 * {@code media.files} and {@code media.chunks}), under ids the caller chooses. The files are immutable: a file is
 * stored whole, read, or deleted, never changed. Ids are strings, so that the chunks' unique index
 * {@code {files_id, n}} holds plain values. Infrastructure that no feature owns: uploaded media and, later, agency
 * originals.
 */
public final class BinaryStore {

    public static final String BUCKET = "media";

    /**
     * 1 MiB: a 12-megapixel JPEG original (3–6 MB) is a handful of chunks, a rendition one or two. Below MongoDB's
     * 16 MiB document limit with room to spare.
     */
    public static final int CHUNK_SIZE = 1024 * 1024;

    private static final String CONTENT_TYPE = "contentType";

    private final GridFSBucket bucket;

    public BinaryStore(MongoDatabase database) {
        this(database, CHUNK_SIZE);
    }

    public BinaryStore(MongoDatabase database, int chunkSize) {
        this.bucket = GridFSBuckets.create(database, BUCKET).withChunkSizeBytes(chunkSize);
    }

    /** A stored file: its id, name, length in bytes, content type and when it was stored. */
    public record StoredFile(String id, String filename, long length, String contentType, Instant uploadedAt) {}

    /** Stores {@code bytes} under {@code id}; an id already taken fails on the files' unique {@code _id}. */
    public void store(String id, String filename, String contentType, byte[] bytes) {
        bucket.uploadFromStream(
                new BsonString(id),
                filename,
                new ByteArrayInputStream(bytes),
                new GridFSUploadOptions().metadata(new Document(CONTENT_TYPE, contentType)));
    }

    /** The file stored under {@code id}, by its {@code _id}; empty when there is none. */
    public Optional<StoredFile> find(String id) {
        GridFSFile file = bucket.find(Filters.eq("_id", id)).first();
        if (file == null) {
            return Optional.empty();
        }
        Document metadata = file.getMetadata();
        String contentType = metadata == null ? null : metadata.getString(CONTENT_TYPE);
        return Optional.of(new StoredFile(
                id,
                file.getFilename(),
                file.getLength(),
                contentType == null ? "application/octet-stream" : contentType,
                file.getUploadDate().toInstant()));
    }

    /** The bytes of the file stored under {@code id}, read chunk by chunk as the stream is read; close it. */
    public InputStream open(String id) {
        return bucket.openDownloadStream(new BsonString(id));
    }

    /** Removes the file and its chunks; a file that is not there is left alone. */
    public void delete(String id) {
        if (find(id).isPresent()) {
            bucket.delete(new BsonString(id));
        }
    }
}
