package org.newsroom.command.media.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.command.CommandSideOverHttp;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.media.MediaUploaded;
import org.newsroom.platform.mongo.BinaryStore;
import org.newsroom.testing.ApiClient;
import org.newsroom.testing.ApiResponse;
import org.newsroom.testing.TempDirs;
import org.newsroom.testing.TestImages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;

/**
 * {@code POST /api/media} over real HTTP on the embedded MongoDB: real JPEG, PNG and WebP files become renditions in
 * GridFS and one event; hostile files are refused with a problem answer, and nothing is stored.
 */
@CommandSideOverHttp
class MediaUploadIT {

    private static final String DATA_DIR = TempDirs.create("newsroom-media").toString();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry properties) {
        properties.add("newsroom.data-dir", () -> DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    EventLogStorageEngine eventLog;

    @Autowired
    BinaryStore store;

    @Autowired
    MongoDatabase database;

    ApiClient reporter;

    @BeforeEach
    void clients() {
        reporter = ApiClient.on(port).as("reporter");
    }

    private ApiResponse upload(byte[] bytes, String contentType) {
        return reporter.send(reporter.request("/api/media", "Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private ApiResponse uploadForm(byte[] bytes, String filename) {
        String boundary = "----newsroom" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        form.writeBytes(bytes);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return reporter.send(reporter.request("/api/media", "Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())));
    }

    private long storedFiles() {
        return database.getCollection(BinaryStore.BUCKET + ".files").countDocuments();
    }

    /** Sends a request that must be refused with this problem, and checks that nothing was stored. */
    private void refused(int status, String code, ApiResponse response, long head, long files) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo(code);
        assertThat(eventLog.headPosition()).as("no event recorded").isEqualTo(head);
        assertThat(storedFiles()).as("no file stored").isEqualTo(files);
    }

    @Test
    void aJpegIsStoredWithItsRenditionsNeverWiderThanTheOriginal() throws IOException {
        ApiResponse uploaded = upload(TestImages.jpeg(2000, 1500), "image/jpeg");

        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        JsonNode answer = uploaded.json();
        String mediaId = answer.path("mediaId").asText();
        assertThat(answer.path("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(answer.path("width").asInt()).isEqualTo(2000);
        assertThat(answer.path("height").asInt()).isEqualTo(1500);
        assertThat(answer.path("renditions"))
                .extracting(
                        r -> r.path("name").asText(),
                        r -> r.path("width").asInt(),
                        r -> r.path("height").asInt())
                .containsExactly(
                        tuple("320", 320, 240),
                        tuple("800", 800, 600),
                        tuple("1600", 1600, 1200),
                        tuple("original", 2000, 1500));
        assertThat(uploaded.header("Location")).isEqualTo("/media/" + mediaId + "/original");
        assertThat(uploaded.position()).isEqualTo(eventLog.headPosition());
        for (JsonNode rendition : answer.path("renditions")) {
            String name = rendition.path("name").asText();
            assertThat(rendition.path("href").asText()).isEqualTo("/media/" + mediaId + "/" + name);
            try (InputStream in = store.open(mediaId + "/" + name)) {
                assertThat(TestImages.size(in.readAllBytes()))
                        .as("stored %s", name)
                        .containsExactly(
                                rendition.path("width").asInt(),
                                rendition.path("height").asInt());
            }
        }
    }

    @Test
    void aSmallPictureGetsOnlyTheRenditionsItCanFill() {
        JsonNode answer = upload(TestImages.jpeg(600, 400), "image/jpeg").json();

        assertThat(answer.path("renditions"))
                .extracting(r -> r.path("name").asText(), r -> r.path("width").asInt())
                .containsExactly(tuple("320", 320), tuple("original", 600));
    }

    @Test
    void aPngWithAlphaUploadedAsAFormStaysPng() {
        ApiResponse uploaded = uploadForm(TestImages.png(900, 600, true), "cutout.png");

        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        assertThat(uploaded.json().path("contentType").asText()).isEqualTo("image/png");
        assertThat(uploaded.json().path("renditions").findValuesAsText("contentType"))
                .containsOnly("image/png");
    }

    @Test
    void aWebpPhotoGetsJpegRenditions() {
        ApiResponse uploaded = upload(TestImages.webp(false), "image/webp");

        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        assertThat(uploaded.json().path("contentType").asText()).isEqualTo("image/webp");
        assertThat(uploaded.json().path("renditions"))
                .extracting(
                        r -> r.path("name").asText(), r -> r.path("contentType").asText())
                .containsExactly(tuple("320", "image/jpeg"), tuple("original", "image/webp"));
    }

    @Test
    void theFilesCaptionAndCreditAreAnsweredToPrefillTheForm() {
        byte[] jpeg = TestImages.withIptc(
                TestImages.jpeg(640, 480),
                "File photo of General Khalifa Haftar.",
                "Philippe Wojazer/Pool/AFP",
                "Philippe Wojazer");

        JsonNode metadata = upload(jpeg, "image/jpeg").json().path("metadata");

        assertThat(metadata.path("caption").asText()).isEqualTo("File photo of General Khalifa Haftar.");
        assertThat(metadata.path("credit").asText()).isEqualTo("Philippe Wojazer/Pool/AFP");
        assertThat(metadata.path("creator").asText()).isEqualTo("Philippe Wojazer");
    }

    @Test
    void aTextFileCalledAJpegIsRefused() {
        long head = eventLog.headPosition();
        long files = storedFiles();

        ApiResponse response = uploadForm("<html>not a photo</html>".getBytes(StandardCharsets.UTF_8), "haftar.jpg");

        refused(415, "unsupported-image", response, head, files);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() {
        long head = eventLog.headPosition();
        long files = storedFiles();

        ApiResponse response = upload(TestImages.pngClaiming(100_000, 100_000), "image/png");

        refused(422, "too-many-pixels", response, head, files);
    }

    @Test
    void damagedPixelsAreRefusedAndNothingIsStored() {
        long head = eventLog.headPosition();
        long files = storedFiles();

        refused(422, "unreadable-image", upload(TestImages.pngWithDamagedPixels(400, 300), "image/png"), head, files);
    }

    @Test
    void aHundredMegabyteUploadIsRefusedBeforeItsBodyIsRead() throws IOException {
        long head = eventLog.headPosition();
        long files = storedFiles();
        String authorization = reporter.request("/api/media")
                .build()
                .headers()
                .firstValue("Authorization")
                .orElseThrow();

        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/media HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                            + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + 100L * 1024 * 1024
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(TestImages.jpeg(64, 48));
            out.flush();
            answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("application/problem+json").contains("payload-too-large");
        assertThat(eventLog.headPosition()).isEqualTo(head);
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void anUploadIsRecordedAsOneMediaUploadedEvent() {
        ApiResponse uploaded = upload(TestImages.jpeg(800, 600), "image/jpeg");
        String mediaId = uploaded.json().path("mediaId").asText();

        List<Object> events = eventLog.readEvents(mediaId)
                .asStream()
                .map(message -> (Object) message.getPayload())
                .toList();

        assertThat(events).singleElement().isInstanceOfSatisfying(MediaUploaded.class, event -> {
            assertThat(event.mediaId().value()).isEqualTo(mediaId);
            assertThat(event.width()).isEqualTo(800);
            assertThat(event.sha256()).matches("[0-9a-f]{64}");
        });
    }

    @Test
    void anEditorMayUploadAndAnAnonymousCallerMayNot() {
        ApiClient anonymous = ApiClient.on(port).anonymous();

        ApiResponse refused = anonymous.send(anonymous
                .request("/api/media", "Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.jpeg(64, 48))));
        ApiClient editor = ApiClient.on(port).as("editor");
        ApiResponse accepted = editor.send(editor.request("/api/media", "Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestImages.jpeg(64, 48))));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(accepted.status()).isEqualTo(201);
    }
}
