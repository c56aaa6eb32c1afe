package org.newsroom.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * Run in a process of its own by {@link KillNineIT}: writes from several threads through the embedded server on a
 * data directory and prints {@code acked <id>} as soon as each write is acknowledged, until it is killed.
 */
final class AcknowledgingWriter {

    private AcknowledgingWriter() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
        MongoClient client = MongoClients.create(server.connectionString());
        MongoCollection<Document> documents = client.getDatabase("newsroom").getCollection("acknowledged");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Runnable> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int writer = t;
            writers.add(() -> {
                for (long i = 0; ; i++) {
                    String id = writer + "-" + i;
                    documents.insertOne(new Document("_id", id).append("body", "x".repeat(500)));
                    System.out.println("acked " + id);
                }
            });
        }
        writers.forEach(pool::execute);
    }
}
