package org.newsroom.eventlog.export;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.bson.Document;
import org.newsroom.eventlog.BsonJson;
import org.newsroom.eventlog.EventLogStorageEngine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;

/**
 * Restores an export into an empty store: it reads the whole file and verifies it first ({@link ExportVerifier}:
 * gap-free positions, every article's hash chain, the end line's counts, and every checkpoint the file carries signed
 * by a trusted key with the root of the file's events at its size), and writes nothing unless all of it holds; then
 * it writes the commits exactly as they were stored (same positions, hashes and commit ids), the log's checkpoint
 * events among them. Read models, snapshots, the projections' tokens and the transparency log's tiles are not part of
 * an export: they are rebuilt from the log on the next start.
 */
public final class LogImport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final int BUFFER = 64 * 1024;
    private static final int BATCH_COMMITS = 500;
    private static final int BATCH_CHARACTERS = 4 * 1024 * 1024;

    private final EventLogStorageEngine log;
    private final MongoDatabase database;

    /** An import into {@code database}, whose event log is {@code log}. */
    public LogImport(EventLogStorageEngine log, MongoDatabase database) {
        this.log = log;
        this.database = database;
    }

    /**
     * What a file holds, once verified: its size (last position), commits, events and aggregates (articles), how many
     * checkpoints it carries (each verified), and the largest tree size one of them signs (0 if none).
     */
    public record Verified(
            long size, long commits, long events, long aggregates, long checkpoints, long coveredByCheckpoint) {}

    /**
     * Reads and verifies an export file without writing anything.
     *
     * @throws ImportRefused naming the first line at fault
     */
    public static Verified verify(Path file, CheckpointTrust trust) {
        try (LeafHashes leaves = LeafHashes.create()) {
            ExportVerifier verifier = new ExportVerifier(trust, leaves);
            read(file, (lineNumber, line, text) -> verifier.accept(lineNumber, line));
            return verifier.finish();
        }
    }

    /**
     * Verifies the file, then writes its commits into the store, which must be empty.
     *
     * @throws ImportRefused if the store holds anything or the file does not verify; nothing was written then
     */
    public Verified restore(Path file, CheckpointTrust trust) {
        requireEmptyStore();
        Verified verified = verify(file, trust);
        List<Document> batch = new ArrayList<>();
        int[] characters = {0};
        read(file, (lineNumber, line, text) -> {
            if (!ExportFormat.COMMIT.equals(line.path(ExportFormat.KIND).asText())) {
                return;
            }
            batch.add(stored(line));
            characters[0] += text.length();
            if (batch.size() >= BATCH_COMMITS || characters[0] >= BATCH_CHARACTERS) {
                log.restore(batch);
                batch.clear();
                characters[0] = 0;
            }
        });
        log.restore(batch);
        return verified;
    }

    private void requireEmptyStore() {
        for (String collection : database.listCollectionNames()) {
            if (!collection.startsWith("system.")
                    && database.getCollection(collection).find().limit(1).first() != null) {
                throw new ImportRefused("the store is not empty (collection '" + collection + "' holds documents):"
                        + " an export is imported into an empty store only");
            }
        }
    }

    /** A commit line as the stored commit document: {@code _id} first, numbers as the log stores them, dates. */
    static Document stored(ObjectNode line) {
        Document commit = new Document(
                ExportFormat.STORED_ID, line.get(ExportFormat.POSITION).longValue());
        for (Map.Entry<String, JsonNode> field : line.properties()) {
            switch (field.getKey()) {
                case ExportFormat.KIND, ExportFormat.POSITION -> {}
                case ExportFormat.EVENTS -> {
                    List<Document> events = new ArrayList<>();
                    field.getValue().forEach(event -> events.add(storedEvent((ObjectNode) event)));
                    commit.put(ExportFormat.EVENTS, events);
                }
                default -> commit.put(field.getKey(), BsonJson.toBson(field.getValue()));
            }
        }
        return commit;
    }

    private static Document storedEvent(ObjectNode event) {
        Document stored = new Document();
        for (Map.Entry<String, JsonNode> field : event.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case ExportFormat.POSITION, ExportFormat.SEQ -> stored.put(field.getKey(), value.longValue());
                case ExportFormat.TIMESTAMP -> stored.put(field.getKey(), Date.from(Instant.parse(value.textValue())));
                default -> stored.put(field.getKey(), BsonJson.toBson(value));
            }
        }
        return stored;
    }

    @FunctionalInterface
    private interface LineHandler {
        void accept(long lineNumber, ObjectNode line, String text);
    }

    private static void read(Path file, LineHandler handler) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), BUFFER), StandardCharsets.UTF_8),
                BUFFER)) {
            long lineNumber = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                lineNumber++;
                JsonNode line;
                try {
                    line = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw ExportVerifier.refused(lineNumber, "not JSON (" + e.getOriginalMessage() + ")");
                }
                if (!(line instanceof ObjectNode object)) {
                    throw ExportVerifier.refused(lineNumber, "not a JSON object");
                }
                handler.accept(lineNumber, object, text);
            }
        } catch (NoSuchFileException e) {
            throw new ImportRefused("no such file: " + file, e);
        } catch (ZipException e) {
            throw new ImportRefused(file + " is not a gzip'd export (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new ImportRefused(file + " ends in the middle of its gzip stream: it is truncated", e);
        } catch (IOException e) {
            throw new ImportRefused("cannot read " + file + ": " + e, e);
        }
    }
}
