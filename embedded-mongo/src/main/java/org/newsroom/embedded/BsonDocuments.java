package org.newsroom.embedded;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Documents stored in the embedded server's H2 file as BSON, the form they arrived in, instead of H2's fallback of
 * Java serialization: profiles of rebuilds and of concurrent drafts showed Java serialization of documents taking 13 to
 * 27 % of the CPU, and it made the data directory several times larger than the documents.
 * <p>
 * H2 does not record which type wrote a map's values, so a file written by an earlier version is converted once,
 * before the server opens it ({@link #convert}); a marker in the file says it has been.
 */
final class BsonDocuments extends BasicDataType<Document> {

    static final BsonDocuments INSTANCE = new BsonDocuments();
    /** mongo-java-server's H2 backend keeps a collection's documents in the map {@code databases.<db>.<collection>}. */
    static final String DATA_MAP_PREFIX = "databases.";

    static final String FORMAT_MAP = "newsroom.format";
    static final String FORMAT_KEY = "documents";
    static final String FORMAT = "bson";

    private static final Logger log = LoggerFactory.getLogger(BsonDocuments.class);
    private static final String CONVERTING = "#converting";

    /** Pages are written by the committing thread; each thread reuses one buffer instead of allocating per document. */
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    /** A running average of encoded sizes, as H2's own types estimate what they cannot measure cheaply. */
    private volatile int averageSize = 1024;

    private BsonDocuments() {}

    /**
     * The running average of the documents without their binary values, plus the bytes of the binary values at this
     * one's top level: a GridFS chunk (a MiB of data in one field) counted as an average document would let the 64 MB
     * page cache hold gigabytes of chunks, and chunks counted into the average would shrink it for every other page.
     */
    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, averageSize + binaryBytes(document));
    }

    static long binaryBytes(Document document) {
        long binary = 0;
        for (Object value : document.values()) {
            if (value instanceof BinData data) {
                binary += data.getData().length;
            } else if (value instanceof byte[] bytes) {
                binary += bytes.length;
            }
        }
        return binary;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = ENCODING.get();
        encoded.clear();
        BsonEncoder.encodeDocument(document, encoded);
        int length = encoded.readableBytes();
        long withoutBinary = Math.max(0, length - binaryBytes(document));
        averageSize = (int) ((averageSize * 15L + withoutBinary + 64) / 16);
        buffer.putVarInt(length).put(encoded.nioBuffer());
        if (encoded.capacity() > MAX_KEPT_BUFFER) {
            ENCODING.remove();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** Values are never ordered; H2 compares them only to tell equal from different (conditional replace). */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : Arrays.compare(encode(a), encode(b));
    }

    private static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    /**
     * Rewrites every collection's documents that an earlier version stored with Java serialization, and marks the file
     * as converted; a file already converted, or new, is only marked. Runs before the server opens the file, and is
     * committed at once at the end, so a crash during it leaves the file as it was.
     */
    static void convert(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (FORMAT.equals(format.get(FORMAT_KEY))) {
            return;
        }
        List<String> collections = store.getMapNames().stream()
                .filter(name -> name.startsWith(DATA_MAP_PREFIX))
                .filter(name -> !name.endsWith(CONVERTING))
                .toList();
        for (String name : collections) {
            MVMap<Object, Object> legacy = store.openMap(name);
            if (store.hasMap(name + CONVERTING)) {
                store.removeMap(name + CONVERTING);
            }
            MVMap<Object, Document> converted =
                    store.openMap(name + CONVERTING, new MVMap.Builder<Object, Document>().valueType(INSTANCE));
            for (Map.Entry<Object, Object> entry : legacy.entrySet()) {
                converted.put(entry.getKey(), (Document) entry.getValue());
            }
            store.removeMap(legacy);
            store.renameMap(converted, name);
            log.info("Documents of {} converted to BSON ({} documents)", name, converted.sizeAsLong());
        }
        format.put(FORMAT_KEY, FORMAT);
        store.commit();
    }
}
