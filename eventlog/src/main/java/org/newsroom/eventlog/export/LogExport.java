package org.newsroom.eventlog.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.zip.GZIPOutputStream;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.newsroom.eventlog.BsonJson;
import org.newsroom.eventlog.EventLogStorageEngine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the log in the {@link ExportFormat export format}, online: the export covers the log up to a position fixed
 * when it starts (the head, or a position asked for), and appends made while it runs are not part of it. Positions
 * up to it are all taken and never change, so what it writes is consistent however long it takes.
 */
public final class LogExport {

    // a line is handed to the gzip stream, not flushed through it to the client one by one
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private static final int BUFFER = 64 * 1024;

    private final EventLogStorageEngine log;
    private final Clock clock;

    public LogExport(EventLogStorageEngine log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** What was written: the last position exported, and how many commits and events. */
    public record Written(long size, long commits, long events) {}

    /**
     * The last position an export asked to stop at {@code upTo} covers: the head of the log when {@code upTo} is
     * absent, else the end of the last commit that ends at or before it.
     *
     * @throws ExportRefused if {@code upTo} is not a position, or lies beyond the head
     */
    public long size(@Nullable String upTo) {
        if (upTo == null || upTo.isBlank()) {
            return log.headPosition();
        }
        long position;
        try {
            position = Long.parseLong(upTo.trim());
        } catch (NumberFormatException e) {
            position = -1;
        }
        if (position < 0) {
            throw new ExportRefused(
                    ExportRefused.Reason.INVALID,
                    "invalid-up-to",
                    "upTo must be a log position, a whole number from 0, not '" + upTo + "'.");
        }
        long head = log.headPosition();
        if (position > head) {
            throw new ExportRefused(
                    ExportRefused.Reason.BEYOND_HEAD,
                    "position-beyond-head",
                    "The log ends at position " + head + "; it holds nothing up to " + position + " yet.");
        }
        return log.lastCommitEndAtOrBelow(position);
    }

    /** Writes the log from position 1 through {@code size} (a {@link #size} answer) to {@code target}, gzip'd. */
    public Written write(long size, OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, BUFFER);
        ObjectNode header = JSON.createObjectNode()
                .put(ExportFormat.KIND, ExportFormat.HEADER)
                .put(ExportFormat.FORMAT_FIELD, ExportFormat.FORMAT)
                .put(ExportFormat.SIZE, size)
                .put(ExportFormat.EXPORTED_AT, clock.instant().toString());
        line(gzip, header);
        long[] counts = new long[2];
        try {
            log.forEachCommit(size, commit -> {
                line(gzip, commitLine(commit));
                counts[0]++;
                counts[1] += commit.getList(ExportFormat.EVENTS, Document.class).size();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        line(
                gzip,
                JSON.createObjectNode()
                        .put(ExportFormat.KIND, ExportFormat.END)
                        .put(ExportFormat.COMMITS, counts[0])
                        .put(ExportFormat.EVENTS, counts[1]));
        gzip.finish();
        gzip.flush();
        return new Written(size, counts[0], counts[1]);
    }

    /** The stored commit as JSON, its {@code _id} written first as {@code position}. */
    static ObjectNode commitLine(Document commit) {
        ObjectNode line = JSON.createObjectNode().put(ExportFormat.KIND, ExportFormat.COMMIT);
        line.set(ExportFormat.POSITION, BsonJson.toJsonValue(commit.get(ExportFormat.STORED_ID)));
        commit.forEach((name, value) -> {
            if (!name.equals(ExportFormat.STORED_ID)) {
                line.set(name, BsonJson.toJsonValue(value));
            }
        });
        return line;
    }

    private static void line(OutputStream out, ObjectNode node) {
        try {
            JSON.writeValue(out, node);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
