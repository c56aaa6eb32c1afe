package org.newsroom.query;

import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.newsroom.embedded.EmbeddedMongoServer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/** An in-memory MongoDB-compatible server for the tests of one class; each test takes a database of its own. */
public final class InMemoryMongo implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedMongoServer server;
    private MongoClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedMongoServer.startInMemory();
        client = MongoClients.create(server.connectionString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.close();
    }

    public MongoDatabase freshDatabase() {
        return client.getDatabase(freshDatabaseName());
    }

    public String freshDatabaseName() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Where applications reach the server, through the real driver. */
    public String connectionString() {
        return server.connectionString();
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }
}
