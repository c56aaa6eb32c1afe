package org.newsroom.platform.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.newsroom.testing.ApiResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every answer is a problem: the error path, Spring Security's firewall, Tomcat's own refusals (a URL or headers too
 * large, a malformed request line), media types and charsets the API does not take.
 */
class ProblemAnswersIT extends PlatformServerTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theErrorPathIsAnUnknownRoute() {
        assertProblem(rita().get("/error"), 404, "not-found");
        assertProblem(anonymous().get("/error"), 401, "unauthenticated");
    }

    @Test
    void theFirewallsRefusalsAreProblems() {
        for (String path : new String[] {"/api//notes", "/api/%2e%2e/notes", "/api/notes;x=1", "/api/%2e/notes"}) {
            Raw answer = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(400);
            assertThat(answer.isProblem()).as("%s: %s", path, answer).isTrue();
        }
    }

    @Test
    void tomcatsOwnRefusalsAreProblems() {
        Raw longUrl = raw(
                "GET /api/notes?q=" + "x".repeat(9_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(longUrl.status()).as("%s", longUrl).isIn(400, 414);
        assertThat(longUrl.isProblem()).as("%s", longUrl).isTrue();
        Raw bigHeader = raw("GET /api/notes HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "y".repeat(9_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(bigHeader.status()).as("%s", bigHeader).isIn(400, 431);
        assertThat(bigHeader.isProblem()).as("%s", bigHeader).isTrue();
        Raw badTarget = raw("GET /api/no{tes HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(badTarget.status()).as("%s", badTarget).isEqualTo(400);
        assertThat(badTarget.isProblem()).as("%s", badTarget).isTrue();
        assertThat(badTarget.body()).doesNotContain("Tomcat").doesNotContain("<html");
    }

    @Test
    void onlyJsonInUtf8IsRead() {
        assertProblem(
                rita().send("POST", "/api/notes", "{\"text\":\"x\"}", "Content-Type", "application/merge-patch+json"),
                415,
                "unsupported-media-type");
        assertProblem(
                rita().send(
                                "POST",
                                "/api/notes",
                                "{\"text\":\"x\"}",
                                "Content-Type",
                                "application/json;charset=ISO-8859-1"),
                415,
                "unsupported-media-type");
        assertProblem(
                rita().send(
                                "POST",
                                "/api/notes",
                                "{\"text\":\"x\"}",
                                "Content-Type",
                                "application/json;charset=UTF-16"),
                415,
                "unsupported-media-type");
        assertProblem(
                rita().send("POST", "/api/notes", "{\"text\":\"x\"}", "Content-Type", "text/plain"),
                415,
                "unsupported-media-type");
        assertThat(rita().send(
                                "POST",
                                "/api/notes",
                                "{\"text\":\"x\"}",
                                "Content-Type",
                                "application/json;charset=utf-8")
                        .status())
                .isEqualTo(200);
    }

    private static void assertProblem(ApiResponse response, int status, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.contentType()).as("%s", response).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).as("%s", response).isEqualTo(code);
    }

    record Raw(int status, String head, String body) {

        boolean isProblem() {
            try {
                JsonNode problem = JSON.readTree(body);
                return head.toLowerCase().contains("content-type: application/problem+json")
                        && problem.path("status").asInt() == status
                        && !problem.path("code").asText().isEmpty();
            } catch (IOException notJson) {
                return false;
            }
        }
    }

    /** One request as bytes, as a client that no library tidies up would send it. */
    Raw raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String head = split < 0 ? answer : answer.substring(0, split);
            String body = split < 0 ? "" : answer.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            int status = Integer.parseInt(head.substring(9, 12));
            return new Raw(status, head, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int eol = chunked.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return body.toString();
    }
}
