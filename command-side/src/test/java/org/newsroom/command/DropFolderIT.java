package org.newsroom.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.newsroom.article.AgencyItemIngested;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.command.article.DraftArticle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The drop folder on the real command side: files are read once stable, duplicates and a file left half-done by a
 * dead instance end as one article each, refused files are set aside with their reason.
 */
class DropFolderIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFileEndsDoneOrRejectedAndEachItemVersionIsOneArticleWhateverHappenedBefore() throws Exception {
        Path data = Files.createTempDirectory("drop-data");
        Path folder = Files.createTempDirectory("drop-folder");
        try (CommandSideContext app = new CommandSideContext(
                data,
                "newsroom.ingest.drop-folder=" + folder,
                "newsroom.ingest.poll-interval=100ms",
                "newsroom.ingest.stable-after=300ms",
                "newsroom.ingest.claim-timeout=2s")) {
            EventStore events = app.context.getBean(EventStore.class);
            String story = "urn:afp:" + UUID.randomUUID();
            String halfDone = "urn:afp:" + UUID.randomUUID();

            // a dead instance had claimed this file and drafted its article, but never marked it ingested
            ArticleId halfDoneArticle =
                    new ArticleId(UUID.nameUUIDFromBytes(("agency|AFP|" + halfDone).getBytes(StandardCharsets.UTF_8))
                            .toString());
            app.commands().sendAndWait(new DraftArticle(halfDoneArticle, "Half done", null, null, "en"));
            Path deadClaims =
                    Files.createDirectories(folder.resolve("processing").resolve("dead-instance"));
            Path orphan = Files.writeString(deadClaims.resolve("half-done.json"), item(halfDone, "Half done"));
            Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minusSeconds(60)));

            Files.writeString(folder.resolve("a.json"), item(story, "Haftar in Rome"));
            Files.writeString(folder.resolve("a-resent.json"), item(story, "Haftar in Rome"));
            Files.writeString(folder.resolve("broken.json"), "{\"uri\": ");
            Path partial = Files.writeString(folder.resolve("late.json.tmp"), "{\"uri\"");

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(names(folder.resolve("done")))
                            .containsExactlyInAnyOrder("a.json", "a-resent.json", "half-done.json"));
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(names(folder.resolve("rejected")))
                            .containsExactlyInAnyOrder("broken.json", "broken.json.reason.txt"));
            assertThat(Files.readString(folder.resolve("rejected/broken.json.reason.txt")))
                    .contains("not well-formed JSON");
            assertThat(partial).exists();

            ArticleId storyArticle =
                    new ArticleId(UUID.nameUUIDFromBytes(("agency|AFP|" + story).getBytes(StandardCharsets.UTF_8))
                            .toString());
            assertThat(payloads(events, storyArticle))
                    .filteredOn(event -> event instanceof ArticleDrafted || event instanceof AgencyItemIngested)
                    .hasSize(2);
            assertThat(payloads(events, halfDoneArticle))
                    .filteredOn(event -> event instanceof ArticleDrafted || event instanceof AgencyItemIngested)
                    .as("the half-done item completes: its draft is kept, not repeated")
                    .hasSize(2);

            Files.move(partial, folder.resolve("late.json"));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(names(folder.resolve("rejected"))).contains("late.json"));
        }
    }

    private static List<Object> payloads(EventStore events, ArticleId id) {
        return events.readEvents(id.value())
                .asStream()
                .map(event -> (Object) event.getPayload())
                .toList();
    }

    private static List<String> names(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static String item(String uri, String headline) {
        ObjectNode item = JSON.createObjectNode()
                .put("uri", uri)
                .put("type", "text")
                .put("version", "1")
                .put("versionCreated", "2019-02-27T16:00:00Z")
                .put("language", "en")
                .put("by", "By Angus MacKinnon");
        item.putArray("infoSources").addObject().put("name", "AFP");
        item.putArray("headlines").addObject().put("role", "main").put("value", headline);
        item.putArray("bodies")
                .addObject()
                .put("role", "main")
                .put("contentType", "text/html")
                .put("value", "<p>Libyan strongman Khalifa Haftar held talks in Rome.</p>");
        return item.toString();
    }
}
