package org.newsroom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Real HTTP calls against a running app, as one of the users (HTTP Basic) or anonymously. Headers are given as
 * name/value pairs: {@code api.as("editor").post("/api/articles", json, "If-Match", "\"3\"")}.
 */
public final class ApiClient {

    public static final String DEMO_PASSWORD = "newsroom";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final String authorization;

    private ApiClient(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static ApiClient on(int port) {
        return new ApiClient(URI.create("http://127.0.0.1:" + port), null);
    }

    /** This user with the demo password. */
    public ApiClient as(String user) {
        return as(user, DEMO_PASSWORD);
    }

    public ApiClient as(String user, String password) {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(base, "Basic " + credentials);
    }

    public ApiClient anonymous() {
        return new ApiClient(base, null);
    }

    public ApiResponse get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public ApiResponse post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    public ApiResponse put(String path, String json, String... headers) {
        return send("PUT", path, json, headers);
    }

    public ApiResponse patch(String path, String json, String... headers) {
        return send("PATCH", path, json, headers);
    }

    public ApiResponse delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** A JSON request; a null body sends none. A {@code Content-Type} among the headers replaces the JSON one. */
    public ApiResponse send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = request(path, headers);
        boolean contentTypeGiven = false;
        for (int i = 0; i < headers.length; i += 2) {
            contentTypeGiven |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (json != null && !contentTypeGiven) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A request builder for this path with this client's credentials and the given headers. */
    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come as name/value pairs");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    public ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
