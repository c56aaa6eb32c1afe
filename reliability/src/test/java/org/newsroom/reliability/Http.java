package org.newsroom.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A client of the forked Newsroom over plain HTTP with HTTP Basic, as any integration would be. A request that gets no
 * answer (connection refused or reset, timeout) is a {@link Reply} with status 0, never an exception: under attack
 * that is an ordinary outcome.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "newsroom";

    private final Function<String, URI> base;
    private final Map<String, String> passwords;
    private final HttpClient client;
    private final Duration timeout;

    Http(ForkedNewsroom newsroom) {
        this(newsroom::uri, Map.of());
    }

    /** {@code passwords}: user → password, for users whose password is not the demo one. */
    Http(Function<String, URI> base, Map<String, String> passwords) {
        this(base, passwords, Duration.ofSeconds(30));
    }

    private Http(Function<String, URI> base, Map<String, String> passwords, Duration timeout) {
        this.base = base;
        this.passwords = Map.copyOf(passwords);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Http withTimeout(Duration requestTimeout) {
        return new Http(base, passwords, requestTimeout);
    }

    /** One answer: status 0 when there was none, with why in {@link #failure}. */
    record Reply(int status, Map<String, List<String>> headers, String body, String failure, long millis) {

        static Reply none(String failure, long millis) {
            return new Reply(0, Map.of(), "", failure, millis);
        }

        boolean answered() {
            return status != 0;
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }

        JsonNode json() {
            if (body.isEmpty()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        long position() {
            return Long.parseLong(header("Newsroom-Position")
                    .orElseThrow(() -> new IllegalStateException("no Newsroom-Position in " + this)));
        }

        long etagVersion() {
            return Long.parseLong(header("ETag").orElseThrow().replace("\"", ""));
        }

        /** Whether this is an RFC 7807 problem answer with this status and code. */
        boolean isProblem(int expectedStatus, String code) {
            return status == expectedStatus
                    && header("Content-Type").orElse("").startsWith("application/problem+json")
                    && code.equals(json().path("code").asText());
        }

        @Override
        public String toString() {
            return status == 0 ? "no answer (" + failure + ")" : status + " " + body;
        }
    }

    /** A request under construction; {@link #send()} sends it. */
    final class Call {
        private final String method;
        private final String path;
        private String user;
        private String body;
        private byte[] bytes;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Call as(String who) {
            this.user = who;
            return this;
        }

        Call json(Object value) {
            try {
                this.body = value instanceof String text ? text : JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
            return header("Content-Type", "application/json");
        }

        /** A body of this media type, as it is (the one {@code Content-Type} of the request). */
        Call body(String text, String contentType) {
            this.body = text;
            headers.remove("Content-Type");
            return header("Content-Type", contentType);
        }

        /** Bytes of this media type, as they are (an image upload). */
        Call body(byte[] content, String contentType) {
            this.bytes = content;
            headers.remove("Content-Type");
            return header("Content-Type", contentType);
        }

        Call header(String name, String value) {
            headers.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
            return this;
        }

        Call correlation(String id) {
            return header("X-Correlation-Id", id);
        }

        Call ifMatch(long version) {
            return header("If-Match", "\"" + version + "\"");
        }

        Call idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.apply(path))
                    .timeout(timeout)
                    .method(
                            method,
                            bytes != null
                                    ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                                    : body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (user != null) {
                request.header("Authorization", basic(user, passwords.getOrDefault(user, PASSWORD)));
            }
            headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
            long began = System.nanoTime();
            try {
                HttpResponse<String> response =
                        client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Reply(
                        response.statusCode(),
                        response.headers().map(),
                        response.body(),
                        null,
                        (System.nanoTime() - began) / 1_000_000);
            } catch (IOException e) {
                return Reply.none(e.toString(), (System.nanoTime() - began) / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Reply.none("interrupted", (System.nanoTime() - began) / 1_000_000);
            }
        }
    }

    Call call(String method, String path) {
        return new Call(method, path);
    }

    Reply get(String path, String user) {
        return call("GET", path).as(user).send();
    }

    Reply post(String path, String user, Object body) {
        Call call = call("POST", path).as(user);
        return (body == null ? call : call.json(body)).send();
    }

    /** A GET that must answer 200: the JSON body. */
    JsonNode getJson(String path, String user) {
        Reply reply = get(path, user);
        if (reply.status() != 200) {
            throw new IllegalStateException("GET " + path + " as " + user + ": " + reply);
        }
        return reply.json();
    }

    HttpClient client() {
        return client;
    }

    URI uri(String path) {
        return base.apply(path);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
