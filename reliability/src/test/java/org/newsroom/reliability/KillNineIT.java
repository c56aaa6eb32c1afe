package org.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.platform.mongo.EmbeddedMongoServer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * kill -9 of the real standalone process while eight clients draft articles, again and again on the same data
 * directory: every draft the API acknowledged is in the event log at the position it was acknowledged with, and the
 * positions have no gap.
 */
class KillNineIT {

    private static final boolean LONG = Boolean.getBoolean("reliability.long");
    private static final int CLIENTS = 8;
    private static final String REPORTER = "Basic " + Base64.getEncoder()
            .encodeToString("reporter:newsroom".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();

    @Test
    void killNineUnderWriteLoadLosesNoAcknowledgedAppend() throws Exception {
        Path dataDir = Files.createTempDirectory("kill-nine").resolve("data");
        int kills = LONG ? 10 : 3;
        try (ForkedNewsroom newsroom = new ForkedNewsroom(dataDir)) {
            newsroom.start();
            for (int kill = 0; kill < kills; kill++) {
                loadThenKill(newsroom);
                newsroom.start();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> draft(newsroom) != null);
            newsroom.stop();
        }

        assertThat(acknowledged).hasSizeGreaterThan(kills * 20);
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoDatabase database = client.getDatabase("newsroom");
            EventLogStorageEngine log = engine(database);
            try {
                acknowledged.forEach((articleId, position) -> assertThat(log.storedEvents(articleId))
                        .as("the acknowledged draft of %s", articleId)
                        .first().satisfies(stored -> assertThat(stored.position()).isEqualTo(position)));
                List<Long> positions = new ArrayList<>();
                for (Document commit : database.getCollection("events").find()) {
                    commit.getList("events", Document.class)
                            .forEach(event -> positions.add(event.get("position", Number.class).longValue()));
                }
                Collections.sort(positions);
                assertThat(positions).containsExactlyElementsOf(
                        LongStream.rangeClosed(1, positions.size()).boxed().toList());
                System.out.printf("[kill -9] %d kills under load, %d acknowledged drafts, all in the log; "
                        + "%d positions stored, gap-free%n", kills, acknowledged.size(), positions.size());
            } finally {
                log.close();
            }
        }
    }

    private void loadThenKill(ForkedNewsroom newsroom) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger acknowledgedNow = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    if (draft(newsroom) != null) {
                        acknowledgedNow.incrementAndGet();
                    }
                }
            });
        }
        int target = 20 + ThreadLocalRandom.current().nextInt(40);
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgedNow.get() >= target);
        newsroom.kill9();
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Drafts an article; returns its id if the API acknowledged it, null if the request failed. */
    private String draft(ForkedNewsroom newsroom) {
        try {
            HttpRequest request = HttpRequest.newBuilder(newsroom.uri("/api/articles"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", REPORTER)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"headline\":\"Breaking: crash test\",\"body\":\"<p>Still here.</p>\"}"))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                return null;
            }
            String location = response.headers().firstValue("Location").orElseThrow();
            String articleId = location.substring(location.lastIndexOf('/') + 1);
            long position = Long.parseLong(response.headers().firstValue("Newsroom-Position").orElseThrow());
            acknowledged.put(articleId, position);
            return articleId;
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static EventLogStorageEngine engine(MongoDatabase database) {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(EventLogConfiguration.messageObjectMapper()).build();
        return EventLogStorageEngine.builder().database(database)
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
    }
}
