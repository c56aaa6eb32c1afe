package org.newsroom.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.embedded.EmbeddedMongoServer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/** The head of the log is found by lookups of exact positions, whatever the sizes of the commits. */
class LogHeadTest {

    @Test
    void findsTheFirstFreePositionAfterCommitsOfAnySize() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("newsroom").getCollection("events");
            assertThat(LogHead.nextFreePosition(events, 1)).isEqualTo(1);

            long next = 1;
            int[] sizes = {1, 1, 3, 200, 1, 65, 1, 1, 2, 130, 1};
            for (int round = 0; round < 40; round++) {
                for (int size : sizes) {
                    next = commit(events, next, size);
                    if (round % 13 == 0) {
                        assertThat(LogHead.nextFreePosition(events, 1)).isEqualTo(next);
                    }
                }
            }
            assertThat(LogHead.nextFreePosition(events, 1)).isEqualTo(next);
            assertThat(LogHead.nextFreePosition(events, next / 3)).isEqualTo(next);
            assertThat(LogHead.readOn(events, 1)).isEqualTo(next);
        }
    }

    @Test
    void findsTheHeadOfALogOfSingleEventCommits() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory();
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("newsroom").getCollection("events");
            List<Document> commits = new ArrayList<>();
            for (long position = 1; position <= 5_000; position++) {
                commits.add(document(position, 1));
            }
            events.insertMany(commits);
            assertThat(LogHead.nextFreePosition(events, 1)).isEqualTo(5_001);
        }
    }

    private static long commit(MongoCollection<Document> events, long position, int size) {
        events.insertOne(document(position, size));
        return position + size;
    }

    private static Document document(long position, int size) {
        List<Document> stored = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            stored.add(new Document(EventFields.POSITION, position + i).append(EventFields.SEQ, (long) i));
        }
        return new Document(EventFields.ID, position)
                .append(EventFields.AGGREGATE_TYPE, "Article")
                .append(EventFields.AGGREGATE_ID, "a-" + position)
                .append(EventFields.EVENTS, stored);
    }
}
