package org.newsroom.testing;

import java.net.http.HttpHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP answer as a test reads it. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON (status " + status + "): " + body, e);
        }
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    /** The version in the ETag, e.g. 3 for {@code "3"}. */
    public long etagVersion() {
        String etag = header("ETag");
        if (etag == null) {
            throw new AssertionError("no ETag (status " + status + "): " + body);
        }
        return Long.parseLong(etag.replace("\"", ""));
    }

    public long position() {
        return Long.parseLong(header("Newsroom-Position"));
    }

    @Override
    public String toString() {
        return status + " " + headers.map() + " " + body;
    }
}
