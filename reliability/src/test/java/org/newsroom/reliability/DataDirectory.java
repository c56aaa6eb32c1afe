package org.newsroom.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Binary;
import org.newsroom.embedded.EmbeddedMongoServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * The data directory of a process that is gone, opened in the test JVM with the same embedded server: what a kill
 * left on disk. Only read, never written.
 */
final class DataDirectory implements AutoCloseable {

    static final List<String> PROJECTIONS = List.of("site", "editorial", "audit");

    /** Where one projection stood on disk: its stored token and the newest event its documents hold. */
    record ProjectionOnDisk(String name, long token, long documents) {

        /** The documents hold an event the token does not: the kill came between the write and the token. */
        boolean writtenBeyondToken() {
            return documents > token;
        }
    }

    private final EmbeddedMongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;

    private DataDirectory(Path dataDir) {
        this.server = EmbeddedMongoServer.start(dataDir);
        this.client = MongoClients.create(server.connectionString());
        this.database = client.getDatabase("newsroom");
    }

    static DataDirectory open(Path dataDir) {
        return new DataDirectory(dataDir);
    }

    MongoDatabase database() {
        return database;
    }

    /** Every stored event's position, in commit order. */
    List<Long> positions() {
        List<Long> positions = new ArrayList<>();
        for (Document commit : database.getCollection("events").find()) {
            commit.getList("events", Document.class)
                    .forEach(event ->
                            positions.add(event.get("position", Number.class).longValue()));
        }
        return positions;
    }

    long head() {
        return positions().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    Map<String, ProjectionOnDisk> projections() {
        Map<String, ProjectionOnDisk> result = new LinkedHashMap<>();
        for (String name : PROJECTIONS) {
            result.put(name, new ProjectionOnDisk(name, token(name), newestDocument(name)));
        }
        return result;
    }

    private long token(String processor) {
        Document token = database.getCollection("projection_tokens")
                .find(new Document("processorName", processor))
                .first();
        if (token == null || token.get("token") == null) {
            return 0;
        }
        Object stored = token.get("token");
        String json = stored instanceof Binary binary
                ? new String(binary.getData(), StandardCharsets.UTF_8)
                : stored.toString();
        JsonNode node = Http.parse(json);
        return node.has("globalIndex")
                ? node.path("globalIndex").asLong()
                : node.findPath("globalIndex").asLong();
    }

    private long newestDocument(String projection) {
        Document pointer = database.getCollection("projection_versions")
                .find(new Document("_id", projection))
                .first();
        int version = pointer == null ? 1 : pointer.getInteger("active", 1);
        String prefix = projection + "_v" + version + "_";
        long newest = 0;
        for (String collection : database.listCollectionNames()) {
            if (!collection.startsWith(prefix)) {
                continue;
            }
            for (Document document : database.getCollection(collection).find()) {
                Object position = document.get("lastPosition");
                if (position instanceof Number number) {
                    newest = Math.max(newest, number.longValue());
                }
            }
        }
        return newest;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
