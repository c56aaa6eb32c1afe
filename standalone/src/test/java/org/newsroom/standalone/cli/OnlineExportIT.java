package org.newsroom.standalone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.newsroom.standalone.NewsroomApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /admin/log/export} on the running application, and the export command on the data directory that
 * application holds: the command finds the store in use and exports through the route. The offline verifier
 * (tools/verifier/newsroom_verify.py, with python3) checks the real file end to end, and fails on a tampered copy.
 */
@SpringBootTest(
        classes = NewsroomApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"newsroom.security.bcrypt-strength=4", "spring.main.banner-mode=off"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineExportIT {

    private static Path dataDir;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry properties) throws IOException {
        dataDir = Files.createTempDirectory("newsroom-online-export");
        properties.add("newsroom.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void draftThreeStories() throws Exception {
        for (int i = 1; i <= 3; i++) {
            HttpResponse<byte[]> drafted = send(
                    "reporter", "POST", "/api/articles", "{\"headline\": \"Story " + i + "\", \"body\": \"<p>B</p>\"}");
            assertThat(drafted.statusCode()).isEqualTo(201);
        }
    }

    @Test
    void anOperatorGetsTheLogAsAGzipExportUpToTheHeadWithACheckpointSignedForExactlyThat() throws Exception {
        HttpResponse<byte[]> answer = send("operator", "GET", "/admin/log/export", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/gzip");
        long size =
                Long.parseLong(answer.headers().firstValue("Newsroom-Position").orElseThrow());
        assertThat(size).isGreaterThanOrEqualTo(3);
        List<JsonNode> lines = lines(answer.body());
        assertThat(lines.get(0).path("kind").asText()).isEqualTo("header");
        assertThat(lines.get(0).path("size").asLong()).isEqualTo(size);
        List<JsonNode> commits = lines.stream()
                .filter(line -> line.path("kind").asText().equals("commit"))
                .toList();
        assertThat(commits).extracting(line -> line.path("position").asLong()).startsWith(1L, 2L, 3L);
        assertThat(commits.get(0).path("events").get(0).path("hash").asText()).hasSize(64);
        List<JsonNode> checkpoints = lines.stream()
                .filter(line -> line.path("kind").asText().equals("checkpoint"))
                .toList();
        assertThat(checkpoints).as("the instance holds the log's key").isNotEmpty();
        JsonNode last = checkpoints.get(checkpoints.size() - 1);
        assertThat(last.path("size").asLong())
                .as("signed for exactly the export")
                .isEqualTo(size);
        assertThat(last.path("note").asText()).startsWith("newsroom.example/log\n" + size + "\n");
        JsonNode end = lines.get(lines.size() - 1);
        assertThat(end.path("kind").asText()).isEqualTo("end");
        assertThat(end.path("events").asLong()).isEqualTo(size);
    }

    @Test
    void theOfflineVerifierVerifiesTheExportEndToEndAndFailsOnATamperedCopy() throws Exception {
        Path directory = Files.createTempDirectory("verified-export");
        Path file = directory.resolve("log.ndjson.gz");
        Files.write(file, send("operator", "GET", "/admin/log/export", null).body());
        List<String> keys = List.of(publicKeys().strip().split("\n"));

        Verifier.Run verified = Verifier.run(keys, "export", file.toString());

        assertThat(verified.exit()).as(verified.output()).isZero();
        assertThat(verified.output())
                .contains("the hash chains of")
                .containsPattern(
                        "OK    checkpoint line \\d+ \\(signed for this export\\): signed by newsroom.example/log")
                .contains("signed checkpoints cover every exported event")
                .contains("RESULT: OK");

        Path tampered = directory.resolve("tampered.ndjson.gz");
        Files.write(
                tampered,
                gzip(Verifier.rewriteFirstEvent(new String(gunzip(Files.readAllBytes(file)), StandardCharsets.UTF_8))));
        Verifier.Run refused = Verifier.run(keys, "export", tampered.toString());

        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output())
                .contains("do not have its root")
                .doesNotContain("hash chain broken")
                .contains("RESULT: FAILED");
    }

    @Test
    void onlyOperatorsMayExportAndBadPositionsAreProblems() throws Exception {
        assertThat(problem(send(null, "GET", "/admin/log/export", null))).isEqualTo("401 unauthenticated");
        for (String user : List.of("reporter", "editor", "auditor", "integrator")) {
            assertThat(problem(send(user, "GET", "/admin/log/export", null)))
                    .as(user)
                    .isEqualTo("403 forbidden");
        }
        assertThat(problem(send("operator", "GET", "/admin/log/export?upTo=three", null)))
                .isEqualTo("400 invalid-up-to");
        assertThat(problem(send("operator", "GET", "/admin/log/export?upTo=1000", null)))
                .isEqualTo("409 position-beyond-head");
    }

    @Test
    void theExportCommandExportsThroughTheInstanceThatHoldsTheStore() throws IOException {
        Path file = Files.createTempDirectory("online-export").resolve("log.ndjson.gz");

        CommandsIT.Outcome outcome = run("export", file.toString(), "--url=http://localhost:" + port);

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out())
                .contains("is in use by a running instance; exporting through it")
                .containsPattern("Exported positions 1-\\d+ \\(\\d+ commits, \\d+ events of \\d+ aggregates\\) from the"
                        + " running instance")
                .containsPattern("Signed checkpoints cover positions 1-\\d+\\.");
        List<JsonNode> lines = lines(Files.readAllBytes(file));
        assertThat(lines.get(0).path("kind").asText()).isEqualTo("header");
        assertThat(lines.get(lines.size() - 2).path("kind").asText()).isEqualTo("checkpoint");
    }

    @Test
    void theExportCommandAsAUserWhoIsNoOperatorSaysSoAndKeepsNoFile() throws IOException {
        Path file = Files.createTempDirectory("online-export").resolve("log.ndjson.gz");

        CommandsIT.Outcome outcome = run("export", file.toString(), "--url=http://localhost:" + port, "--user=editor");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("answered 403 forbidden").contains("'editor' is not an operator");
        assertThat(file).doesNotExist();
        try (var files = Files.list(file.getParent())) {
            assertThat(files).isEmpty();
        }
    }

    private static CommandsIT.Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Commands.run(
                args,
                Map.of("NEWSROOM_DATA_DIR", dataDir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandsIT.Outcome(
                exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String publicKeys() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/audit/log/public-key"))
                .header("Accept", "text/plain")
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private List<JsonNode> lines(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<JsonNode> lines = new java.util.ArrayList<>();
            for (String line : text.split("\n")) {
                lines.add(json.readTree(line));
            }
            return lines;
        }
    }

    private String problem(HttpResponse<byte[]> answer) throws IOException {
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        return answer.statusCode() + " "
                + json.readTree(answer.body()).path("code").asText();
    }

    private HttpResponse<byte[]> send(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":newsroom").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
