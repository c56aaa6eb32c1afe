package org.newsroom.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How fast the drop folder ingests agency items, against drafting the same articles over HTTP in the same run: a
 * folder of {@code newsroom.benchmark.items} (default 1,000) ninjs 3.1 items, each with a byline and a picture (a draft,
 * then one commit of photo, byline and provenance), then as many drafts over HTTP, one at a time. Not part of the
 * build (its name is not *IT): {@code ./mvnw -B -q -pl command-side -am verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=IngestRateBenchmark -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
class IngestRateBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFolderOfAgencyItemsAgainstDraftsOverHttp() throws Exception {
        int items = Integer.getInteger("newsroom.benchmark.items", 1_000);
        Path data = Files.createTempDirectory("ingest-rate-data");
        Path folder = Files.createTempDirectory("ingest-rate-folder");
        System.setProperty("axoniq.update-checker.disabled", "true");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties(
                        "newsroom.data-dir=" + data,
                        "newsroom.ingest.drop-folder=" + folder,
                        "server.port=0",
                        "spring.main.banner-mode=off",
                        "newsroom.security.bcrypt-strength=4",
                        "logging.level.org.newsroom.command.ingest=WARN",
                        "newsroom.ingest.poll-interval=50ms",
                        "newsroom.ingest.stable-after=0s")
                .run()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            // the folder is written first, into a directory the watcher does not see, then moved in at once
            Path staging = Files.createTempDirectory("ingest-rate-staging");
            for (int i = 0; i < items; i++) {
                Files.writeString(staging.resolve(String.format(Locale.ROOT, "afp-%05d.json", i)), item(i));
            }
            long started = System.nanoTime();
            try (Stream<Path> files = Files.list(staging)) {
                for (Path file : files.toList()) {
                    Files.move(file, folder.resolve(file.getFileName()));
                }
            }
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> count(folder.resolve("done")) == items);
            double ingestSeconds = (System.nanoTime() - started) / 1e9;
            assertThat(count(folder.resolve("rejected"))).isZero();

            HttpClient http = HttpClient.newHttpClient();
            String authorization =
                    "Basic " + Base64.getEncoder().encodeToString("reporter:newsroom".getBytes(StandardCharsets.UTF_8));
            long draftsStarted = System.nanoTime();
            for (int i = 0; i < items; i++) {
                ObjectNode draft = JSON.createObjectNode()
                        .put("headline", "Haftar in Rome, story " + i)
                        .put("body", "<p>Libyan strongman <strong>Khalifa Haftar</strong> held talks in Rome.</p>")
                        .put("language", "en");
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles"))
                                .header("Authorization", authorization)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(draft.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(201);
            }
            double draftSeconds = (System.nanoTime() - draftsStarted) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "ingest-rate: %d items from the drop folder in %.1f s = %.1f items/s; %d HTTP drafts in %.1f s ="
                            + " %.1f drafts/s; ratio %.2f%n",
                    items,
                    ingestSeconds,
                    items / ingestSeconds,
                    items,
                    draftSeconds,
                    items / draftSeconds,
                    (items / ingestSeconds) / (items / draftSeconds));
        }
    }

    private static long count(Path directory) throws Exception {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }

    private static String item(int i) {
        ObjectNode item = JSON.createObjectNode()
                .put("uri", "urn:newsml:afp.com:20190227:rate-" + i)
                .put("type", "text")
                .put("version", "1")
                .put("versionCreated", "2019-02-27T16:00:00Z")
                .put("urgency", 4)
                .put("language", "en")
                .put("by", "By Angus MacKinnon");
        item.putArray("infoSources").addObject().put("name", "AFP");
        item.putArray("headlines").addObject().put("role", "main").put("value", "Haftar in Rome, story " + i);
        item.putArray("bodies")
                .addObject()
                .put("role", "main")
                .put("contentType", "text/html")
                .put("value", "<p>Libyan strongman <b>Khalifa Haftar</b> held talks in Rome.</p>");
        ObjectNode picture = item.putArray("associations").addObject();
        picture.put("name", "lead")
                .put("type", "picture")
                .put("uri", "urn:afp:photo:" + i)
                .put("by", "Philippe Wojazer/Pool");
        picture.putArray("descriptions").addObject().put("role", "caption").put("value", "Khalifa Haftar in Rome");
        picture.putArray("renditions")
                .addObject()
                .put("name", "web")
                .put("href", "https://images.example.com/afp/haftar-" + i + ".jpg")
                .put("width", 1200);
        return item.toString();
    }
}
