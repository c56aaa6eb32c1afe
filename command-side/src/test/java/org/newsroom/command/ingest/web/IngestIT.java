package org.newsroom.command.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.article.AgencyItemIngested;
import org.newsroom.article.AgencyItemWithdrawn;
import org.newsroom.article.AgencyPicture;
import org.newsroom.article.AgencyUpdateHeld;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.EmbargoSet;
import org.newsroom.article.PhotoAttached;
import org.newsroom.command.CommandSideOverHttp;
import org.newsroom.command.article.web.DeskSettings;
import org.newsroom.command.dispatch.CommandSender;
import org.newsroom.command.ingest.AgencyIngest;
import org.newsroom.command.ingest.IngestReceipt;
import org.newsroom.command.ingest.IngestedItems;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.testing.ApiClient;
import org.newsroom.testing.ApiResponse;
import org.newsroom.testing.TempDirs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Agency items over HTTP into articles, through the real command side on the embedded MongoDB. */
@CommandSideOverHttp
class IngestIT {

    private static final String DATA_DIR = TempDirs.create("newsroom-ingest").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry properties) {
        properties.add("newsroom.data-dir", () -> DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    EventStore events;

    @Autowired
    EventLogStorageEngine eventLog;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    CommandSender commands;

    @Autowired
    IngestedItems items;

    @Autowired
    DeskSettings desk;

    ApiClient agency;
    ApiClient editor;

    @BeforeEach
    void clients() {
        agency = ApiClient.on(port).as("ingest");
        editor = ApiClient.on(port).as("editor");
    }

    static byte[] example(String path) {
        try (InputStream in = IngestIT.class.getResourceAsStream("/ingest/" + path)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException missing) {
            throw new AssertionError("no example " + path, missing);
        }
    }

    @Test
    void aNinjsStoryBecomesAnArticleByTheAgencyWithItsOriginalKeptAndADuplicateChangesNothing() throws Exception {
        byte[] item = example("ninjs/003_associations_example.json");

        ApiResponse first = post(item, "application/json");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode receipt = first.json();
        String id = receipt.path("articleId").asText();
        assertThat(receipt.path("source").asText()).isEqualTo("www.businesswire.com");
        assertThat(receipt.path("itemUri").asText())
                .isEqualTo("http://www.businesswire.com/news/home/20130515006361/en");
        assertThat(receipt.path("itemVersion").asText()).isEqualTo("1");

        long head = eventLog.headPosition();
        ApiResponse again = post(item, "application/json");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("articleId").asText()).isEqualTo(id);
        assertThat(again.json().path("version").asLong())
                .isEqualTo(receipt.path("version").asLong());
        assertThat(eventLog.headPosition())
                .as("a repeated delivery records nothing")
                .isEqualTo(head);

        List<? extends DomainEventMessage<?>> recorded =
                events.readEvents(id).asStream().toList();
        assertThat(recorded)
                .allSatisfy(
                        event -> assertThat(event.getMetaData().get("actor")).isEqualTo("ingest:www.businesswire.com"));
        assertThat(recorded.get(0).getPayload()).isInstanceOf(ArticleDrafted.class);
        assertThat(recorded)
                .extracting(event -> event.getPayload().getClass().getSimpleName())
                .containsExactly("ArticleDrafted", "PhotoAttached", "PhotoAttached", "AgencyItemIngested");
        AgencyItemIngested provenance =
                (AgencyItemIngested) recorded.get(recorded.size() - 1).getPayload();
        assertThat(provenance.item().original().sha256()).isEqualTo(sha256(item));
        assertThat(provenance.item().original().format()).isEqualTo("ninjs-3.1");

        HttpResponse<byte[]> original = java.net.http.HttpClient.newHttpClient()
                .send(
                        editor.request("/api/ingest/originals/" + sha256(item))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(sha256(original.body())).isEqualTo(sha256(item));
    }

    @Test
    void aNewsMlTextItemWithANitfBodyBecomesAnArticleAndIsOnTheIncomingList() {
        ApiResponse ingested = post(example("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"), "application/xml");

        assertThat(ingested.status()).as(ingested.toString()).isEqualTo(201);
        String id = ingested.json().path("articleId").asText();
        ArticleDrafted drafted = (ArticleDrafted) events.readEvents(id).next().getPayload();
        assertThat(drafted.headline()).isEqualTo("Fed to halt QE to avert \"bubble\"");
        assertThat(drafted.body()).startsWith("<p>(New York, NY - October 21)");
        assertThat(drafted.language()).isEqualTo("en-US");

        JsonNode incoming = editor.get("/api/ingest").json();
        assertThat(incoming.path("items").findValuesAsText("articleId")).contains(id);
        assertThat(agency.get("/api/ingest").status()).isEqualTo(403);
        assertThat(editor.post("/api/ingest", "{\"uri\": \"x\"}").status()).isEqualTo(403);
    }

    @Test
    void anInvalidItemIsRefusedNamingWhereAndRecordsNothing() {
        long head = eventLog.headPosition();

        ApiResponse invalid = post(
                "{\"uri\": \"urn:x\", \"versionCreated\": \"2019-02-27T16:00:00Z\", \"headlines\": [{\"value\": 3}]}"
                        .getBytes(StandardCharsets.UTF_8),
                "application/json");
        ApiResponse malformed = post("<newsItem".getBytes(StandardCharsets.UTF_8), "application/xml");
        ApiResponse noArticle = post(
                ninjs("urn:no-headline:" + UUID.randomUUID(), "1", "usable", null, null)
                        .toString()
                        .getBytes(),
                "application/json");

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("code").asText()).isEqualTo("invalid-agency-item");
        assertThat(invalid.json().path("where").asText()).isEqualTo("$.headlines[0].value");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("where").asText()).startsWith("line 1");
        assertThat(noArticle.status()).isEqualTo(422);
        assertThat(noArticle.json().path("where").asText()).isEqualTo("headline");
        assertThat(eventLog.headPosition()).isEqualTo(head);
    }

    @Test
    void laterVersionsAreAppliedUntilTheDeskEditsThenHeldForTheEditorAndACancelWithdraws() {
        String uri = "urn:newsml:afp.com:" + UUID.randomUUID();
        String id = ingest(ninjs(uri, "1", "usable", "Haftar in Rome", null))
                .path("articleId")
                .asText();

        JsonNode second = ingest(ninjs(uri, "2", "usable", "Haftar meets Italy's defence minister", null));
        assertThat(second.path("state").asText()).isEqualTo("applied");
        assertThat(payloads(id))
                .anySatisfy(event -> assertThat(event)
                        .isEqualTo(new ArticleRevised(
                                new org.newsroom.article.ArticleId(id),
                                "Haftar meets Italy's defence minister",
                                null,
                                null,
                                null)));

        assertThat(editor.patch("/api/articles/" + id, "{\"headline\": \"The desk's headline\"}")
                        .status())
                .isEqualTo(200);
        JsonNode third = ingest(ninjs(uri, "3", "usable", "Haftar leaves Rome", null));
        assertThat(third.path("state").asText()).isEqualTo("held");
        assertThat(payloads(id).get(payloads(id).size() - 1)).isInstanceOf(AgencyUpdateHeld.class);

        ApiResponse applied = editor.post("/api/articles/" + id + "/agency-update/apply", "{\"itemVersion\": \"3\"}");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(payloads(id))
                .filteredOn(ArticleRevised.class::isInstance)
                .last()
                .isEqualTo(new ArticleRevised(
                        new org.newsroom.article.ArticleId(id), "Haftar leaves Rome", null, null, null));

        assertThat(editor.post("/api/articles/" + id + "/submit", null).status())
                .isEqualTo(200);
        JsonNode canceled = ingest(ninjs(uri, "4", "canceled", "Haftar leaves Rome", null));
        assertThat(canceled.path("state").asText()).isEqualTo("withdrawn");
        assertThat(payloads(id).get(payloads(id).size() - 1)).isInstanceOf(AgencyItemWithdrawn.class);
        ApiResponse publish = editor.post("/api/articles/" + id + "/publish", null);
        assertThat(publish.status()).isEqualTo(409);
        assertThat(publish.json().path("code").asText()).isEqualTo("agency-withdrawn");
    }

    @Test
    void aWithheldItemAndAnEmbargoedOneMayNotBePublished() {
        String withheld = ingest(ninjs("urn:withheld:" + UUID.randomUUID(), "1", "withheld", "Held", null))
                .path("articleId")
                .asText();
        Instant until = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String embargoed = ingest(ninjs("urn:embargoed:" + UUID.randomUUID(), "1", "usable", "Embargoed", until))
                .path("articleId")
                .asText();

        for (String id : List.of(withheld, embargoed)) {
            assertThat(editor.post("/api/articles/" + id + "/submit", null).status())
                    .isEqualTo(200);
        }
        ApiResponse heldBack = editor.post("/api/articles/" + withheld + "/publish", null);
        ApiResponse tooEarly = editor.post("/api/articles/" + embargoed + "/publish", null);

        assertThat(heldBack.status()).isEqualTo(409);
        assertThat(heldBack.json().path("code").asText()).isEqualTo("agency-withheld");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().path("code").asText()).isEqualTo("embargoed");
        assertThat(payloads(embargoed)).contains(new EmbargoSet(new org.newsroom.article.ArticleId(embargoed), until));
    }

    @Test
    void aPictureSentOnItsOwnIsAttachedByItsItemVersionAndThePhotoKeepsTheItem() throws Exception {
        byte[] picture = example("ninjs/006_photo_only.json");
        JsonNode receipt = post(picture, "application/json").json();
        String id = ingest(ninjs("urn:newsml:afp.com:" + UUID.randomUUID(), "1", "usable", "Costa Concordia", null))
                .path("articleId")
                .asText();
        JsonNode line =
                editor.get("/api/ingest?state=picture").json().path("items").get(0);
        String photoBig = "http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg";
        String item = JSON.createObjectNode()
                .put("source", receipt.path("source").asText())
                .put("itemUri", receipt.path("itemUri").asText())
                .put("itemVersion", receipt.path("itemVersion").asText())
                .toString();
        String digest = sha256(picture);
        long head = eventLog.headPosition();

        ApiResponse unknown = editor.post(
                "/api/articles/" + id + "/photos",
                "{\"agencyItem\": " + item.replace(receipt.path("itemVersion").asText(), "9")
                        + ", \"caption\": \"c\", \"credit\": \"AP\"}");
        ApiResponse twoSources = editor.post(
                "/api/articles/" + id + "/photos",
                "{\"agencyItem\": " + item + ", \"uri\": \"https://images.example.com/x.jpg\", \"caption\": \"c\","
                        + " \"credit\": \"AP\"}");
        assertThat(eventLog.headPosition())
                .as("a refused attach records nothing")
                .isEqualTo(head);
        ApiResponse attached = editor.post(
                "/api/articles/" + id + "/photos",
                "{\"agencyItem\": " + item + ", \"caption\": \"The Costa Concordia off Giglio\","
                        + " \"credit\": \"Paulo Santalucia/AP\"}");

        assertThat(receipt.path("state").asText()).isEqualTo("picture");
        assertThat(line.path("itemUri").asText())
                .isEqualTo(receipt.path("itemUri").asText());
        assertThat(line.path("pictures").get(0).path("uri").asText())
                .as("the widest rendition with a web address")
                .isEqualTo(photoBig);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("code").asText()).isEqualTo("agency-picture-not-found");
        assertThat(twoSources.status()).isEqualTo(400);
        assertThat(twoSources.json().path("errors").get(0).path("code").asText())
                .isEqualTo("invalid-photo-source");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        List<? extends DomainEventMessage<?>> recorded =
                events.readEvents(id).asStream().toList();
        DomainEventMessage<?> last = recorded.get(recorded.size() - 1);
        assertThat(last.getMetaData().get("actor")).isEqualTo("editor");
        assertThat(last.getPayload()).isInstanceOfSatisfying(PhotoAttached.class, photo -> {
            assertThat(photo.uri()).isEqualTo(photoBig);
            assertThat(photo.caption()).isEqualTo("The Costa Concordia off Giglio");
            assertThat(photo.agencyItem())
                    .isEqualTo(new AgencyPicture(
                            receipt.path("source").asText(),
                            receipt.path("itemUri").asText(),
                            receipt.path("itemVersion").asText(),
                            digest));
        });
    }

    @Test
    void aCanceledVersionOfALiveArticleKillsItAsTheAgencyOnlyWithKillOnCancel() {
        String keptUri = "urn:newsml:afp.com:kept:" + UUID.randomUUID();
        String killedUri = "urn:newsml:afp.com:killed:" + UUID.randomUUID();
        String kept = published(keptUri);
        String killed = published(killedUri);
        // the same ingest as the context's, with newsroom.ingest.kill-on-cancel=true
        AgencyIngest killing =
                new AgencyIngest(mapper, commands, items, events, desk.languageList(), true, Clock.systemUTC());

        JsonNode withdrawn = ingest(ninjs(keptUri, "2", "canceled", "Haftar in Rome", null));
        IngestReceipt kill = killing.ingest(
                ninjs(killedUri, "2", "canceled", "Haftar in Rome", null)
                        .toString()
                        .getBytes(StandardCharsets.UTF_8),
                "application/json");

        assertThat(withdrawn.path("state").asText()).isEqualTo("withdrawn");
        assertThat(payloads(kept).get(payloads(kept).size() - 1))
                .isInstanceOfSatisfying(
                        AgencyItemWithdrawn.class,
                        event -> assertThat(event.live())
                                .as("the desk's cue: the article is on the site")
                                .isTrue());
        assertThat(payloads(kept)).noneMatch(ArticleKilled.class::isInstance);
        assertThat(kill.state()).isEqualTo("killed");
        List<? extends DomainEventMessage<?>> recorded =
                events.readEvents(killed).asStream().toList();
        DomainEventMessage<?> last = recorded.get(recorded.size() - 1);
        assertThat(last.getPayload())
                .isInstanceOfSatisfying(
                        ArticleKilled.class,
                        event -> assertThat(event.notice()).isEqualTo("This article has been withdrawn."));
        assertThat(last.getMetaData().get("actor")).isEqualTo("ingest:AFP");
        assertThat(recorded.get(recorded.size() - 2).getPayload())
                .isInstanceOfSatisfying(
                        AgencyItemWithdrawn.class,
                        event -> assertThat(event.live()).isTrue());
        ApiResponse edit = editor.patch("/api/articles/" + killed, "{\"headline\": \"Back again\"}");
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.json().path("code").asText()).isEqualTo("article-killed");
    }

    /** Ingests version 1 of {@code uri}; an editor submits and publishes it. */
    private String published(String uri) {
        String id = ingest(ninjs(uri, "1", "usable", "Haftar in Rome", null))
                .path("articleId")
                .asText();
        assertThat(editor.post("/api/articles/" + id + "/submit", null).status())
                .isEqualTo(200);
        ApiResponse publish = editor.post("/api/articles/" + id + "/publish", null);
        assertThat(publish.status()).as(publish.toString()).isEqualTo(200);
        return id;
    }

    private List<Object> payloads(String id) {
        return events.readEvents(id)
                .asStream()
                .map(event -> (Object) event.getPayload())
                .toList();
    }

    private JsonNode ingest(ObjectNode item) {
        ApiResponse response = post(item.toString().getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** A ninjs 3.1 item from AFP with a story, a byline and one picture; null headline leaves it out. */
    private static ObjectNode ninjs(String uri, String version, String status, String headline, Instant embargo) {
        ObjectNode item = JSON.createObjectNode()
                .put("uri", uri)
                .put("type", "text")
                .put("version", version)
                .put("versionCreated", "2019-02-27T16:0" + version + ":00Z")
                .put("pubStatus", status)
                .put("urgency", 3)
                .put("language", "en")
                .put("by", "By Angus MacKinnon");
        item.putArray("infoSources").addObject().put("name", "AFP");
        if (embargo != null) {
            item.put("embargoedUntil", embargo.toString());
        }
        if (headline != null) {
            item.putArray("headlines").addObject().put("role", "main").put("value", headline);
        }
        item.putArray("bodies")
                .addObject()
                .put("role", "main")
                .put("contentType", "text/html")
                .put("value", "<p>Libyan strongman <b>Khalifa Haftar</b> held talks in Rome.</p>");
        ObjectNode picture = item.putArray("associations").addObject();
        picture.put("name", "lead")
                .put("type", "picture")
                .put("uri", "urn:afp:photo:1")
                .put("by", "Philippe Wojazer/Pool");
        picture.putArray("descriptions").addObject().put("role", "caption").put("value", "Khalifa Haftar in Rome");
        picture.putArray("renditions")
                .addObject()
                .put("name", "web")
                .put("href", "https://images.example.com/afp/haftar.jpg")
                .put("width", 1200);
        return item;
    }

    private ApiResponse post(byte[] body, String contentType) {
        return agency.send(agency.request("/api/ingest", "Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
