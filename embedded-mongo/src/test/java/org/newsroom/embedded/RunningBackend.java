package org.newsroom.embedded;

import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import de.bwaldvogel.mongo.MongoServer;

/** A {@link DurableH2Backend} on a file named for H2 (a {@link SimulatedDisk} file), served and reached by the driver. */
final class RunningBackend implements AutoCloseable {

    final DurableH2Backend backend;
    private final MongoServer server;
    private final MongoClient client;

    private RunningBackend(DurableH2Backend backend) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind(new java.net.InetSocketAddress("127.0.0.1", 0), 1, EmbeddedMongoServer.COMMAND_THREADS);
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.readTimeout(10, TimeUnit.SECONDS))
                .build());
    }

    static RunningBackend on(SimulatedDisk.Disk disk) {
        return new RunningBackend(DurableH2Backend.openFile(disk.fileName()));
    }

    MongoCollection<Document> collection(String name) {
        return client.getDatabase("newsroom").getCollection(name);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
