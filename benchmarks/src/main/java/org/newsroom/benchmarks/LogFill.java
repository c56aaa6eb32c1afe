package org.newsroom.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.axonframework.serialization.json.JacksonSerializer;
import org.newsroom.article.ArticleEvent;
import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Fills a data directory's event log straight through the engine, as fast as it goes (64 writers, group commit):
 * one commit per event, as one command per event would append, without loading the aggregate each time. The fill is
 * not what is measured; the application is started on the directory afterwards.
 */
final class LogFill {

    private static final int WRITERS = 64;

    private LogFill() {}

    /** Writes {@code articles} articles whose events {@code life} gives; returns the log's head position. */
    static long fill(Path dataDir, int articles, Function<String, List<ArticleEvent>> life) {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(EventLogConfiguration.messageObjectMapper())
                .build();
        long started = System.nanoTime();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
                MongoClient client = MongoClients.create(server.connectionString());
                EventLogStorageEngine engine = EventLogStorageEngine.builder()
                        .database(client.getDatabase("newsroom"))
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .build()) {
            List<String> ids = new ArrayList<>(articles);
            for (int i = 0; i < articles; i++) {
                ids.add(String.format("%07d-filled", i));
            }
            Workloads.runInThreads(WRITERS, ids, id -> {
                List<ArticleEvent> events = life.apply(id);
                for (int seq = 0; seq < events.size(); seq++) {
                    engine.appendEvents(Stories.message(id, seq, events.get(seq), seq == 0 ? "reporter" : "editor"));
                }
            });
            long head = engine.headPosition();
            System.out.printf(
                    "filled %s with %,d articles, %,d events, in %.1f s%n",
                    dataDir, articles, head, (System.nanoTime() - started) / 1e9);
            return head;
        }
    }
}
