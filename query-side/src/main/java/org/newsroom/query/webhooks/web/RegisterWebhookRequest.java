package org.newsroom.query.webhooks.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/webhooks} and {@code POST /syndication/webhooks}: the http(s) URL events are posted to and, optionally, the event types wanted
 * (every type when absent; when present, at least one). Whether the target may be called and whether the types exist
 * are the registration's own checks, answered with their own codes.
 */
public record RegisterWebhookRequest(
        @NotBlank @Size(max = 2_000) @AbsoluteUrl String url,
        @Size(min = 1, max = 100) List<@NotBlank @Size(max = 200) String> types) {

    URI target() {
        return URI.create(url.trim());
    }

    List<String> typesOrEvery() {
        return types == null ? List.of() : types;
    }
}
