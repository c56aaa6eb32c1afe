package org.newsroom.eventlog.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/** An embedded store in a directory, its driver and its event log: the two ends of an export in the export tests. */
final class EmbeddedLog implements AutoCloseable {

    final EmbeddedMongoServer server;
    final MongoClient client;
    final MongoDatabase database;
    final EventLogStorageEngine log;

    EmbeddedLog(Path dataDir) {
        server = EmbeddedMongoServer.start(dataDir);
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("newsroom");
        log = EventLogConfiguration.engineFor(database);
    }

    @Override
    public void close() {
        log.close();
        client.close();
        server.close();
    }

    /** An export file's text. */
    static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** An export file of this text. */
    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
