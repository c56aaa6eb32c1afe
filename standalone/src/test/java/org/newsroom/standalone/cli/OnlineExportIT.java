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
 * application holds: the command finds the store in use and exports through the route.
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
    void anOperatorGetsTheLogAsAGzipExportUpToTheHead() throws Exception {
        HttpResponse<byte[]> answer = send("operator", "GET", "/admin/log/export", null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/gzip");
        assertThat(answer.headers().firstValue("Newsroom-Position")).contains("3");
        List<JsonNode> lines = lines(answer.body());
        assertThat(lines)
                .extracting(line -> line.path("kind").asText())
                .containsExactly("header", "commit", "commit", "commit", "end");
        assertThat(lines.get(0).path("size").asLong()).isEqualTo(3);
        assertThat(lines.get(1).path("position").asLong()).isEqualTo(1);
        assertThat(lines.get(1).path("events").get(0).path("hash").asText()).hasSize(64);
        assertThat(lines.get(4).path("events").asLong()).isEqualTo(3);
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
                .contains("Exported positions 1-3 (3 commits, 3 events of 3 aggregates) from the running instance");
        assertThat(lines(Files.readAllBytes(file))).hasSize(5);
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
