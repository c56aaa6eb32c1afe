package org.newsroom.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web UI in the standalone application, on the embedded default with its data in a fresh directory: served at
 * {@code /ui/}, and driven end to end in headless Chromium by {@code ui/e2e/run.mjs} (playwright-core and Debian's
 * {@code /usr/bin/chromium}, which {@code .ci/run} installs), under the UI's Content-Security-Policy, which the run
 * checks no page violates. Its screenshots land in
 * {@code standalone/target/ui-screenshots}.
 */
@SpringBootTest(
        classes = NewsroomApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"newsroom.security.bcrypt-strength=4", "spring.main.banner-mode=off"})
class UiEndToEndIT {

    private static final Path UI = Path.of(System.getProperty("newsroom.ui.dir", "../ui"))
            .toAbsolutePath()
            .normalize();
    private static final Path SCREENSHOTS = Path.of(
                    System.getProperty("newsroom.ui.screenshots", "target/ui-screenshots"))
            .toAbsolutePath()
            .normalize();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry properties) throws IOException {
        Path dataDir = Files.createTempDirectory("newsroom-ui-e2e");
        properties.add("newsroom.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theUiIsServedAtSlashUiAndItsAssetsAreCachedForAYearAndSentGzipped() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/ui/"));

        HttpResponse<String> page = get("/ui/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<div id=\"app\"></div>").doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .contains(
                                "default-src 'self'",
                                "script-src 'self'",
                                "style-src 'self'",
                                "img-src 'self' https: data:",
                                "connect-src 'self'",
                                "frame-ancestors 'none'",
                                "base-uri 'none'",
                                "form-action 'self'")
                        .doesNotContain("unsafe"));
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

        Matcher script = Pattern.compile("src=\"(/ui/assets/[^\"]+\\.js)\"").matcher(page.body());
        assertThat(script.find())
                .as("the page loads its script from /ui/assets/")
                .isTrue();
        HttpResponse<String> asset = get(script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("max-age=31536000", "immutable"));

        HttpResponse<byte[]> gzipped = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + script.group(1)))
                        .header("Accept-Encoding", "gzip")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.body().length).isLessThan(asset.body().length() / 2);
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(unzipped.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(asset.body());
        }
    }

    @Test
    void aStoryGoesFromDraftToCorrectionAndIntoTheAuditDiffInHeadlessChromium() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process node = new ProcessBuilder(
                        java,
                        "tools/Node.java",
                        "node",
                        "e2e/run.mjs",
                        "--base-url=http://localhost:" + port,
                        "--out=" + SCREENSHOTS)
                .directory(UI.toFile())
                .redirectErrorStream(true)
                .start();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println("[e2e] " + line);
                    synchronized (output) {
                        output.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        reader.start();
        boolean finished = node.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            node.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        String transcript;
        synchronized (output) {
            transcript = String.join("\n", output);
        }

        assertThat(finished)
                .as("the browser scenario ended within 4 minutes:\n%s", transcript)
                .isTrue();
        assertThat(node.exitValue())
                .as("exit code of ui/e2e/run.mjs:\n%s", transcript)
                .isZero();
        assertThat(transcript)
                .doesNotContain("not ok")
                .containsPattern("(?m)^\\d+ passed, 0 failed$")
                .contains("the auditor compares the two publications and sees the correction highlighted");
        try (var files = Files.list(SCREENSHOTS)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .contains("02-reporter-editor.png", "10-auditor-diff.png");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
