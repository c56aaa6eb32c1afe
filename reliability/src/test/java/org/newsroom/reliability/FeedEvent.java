package org.newsroom.reliability;

import com.fasterxml.jackson.databind.JsonNode;

/** One CloudEvent of the feed, as any subscriber receives it. */
record FeedEvent(
        long position, String id, String type, String articleId, long version, JsonNode data, JsonNode envelope) {

    static FeedEvent of(JsonNode cloudEvent) {
        return new FeedEvent(
                cloudEvent.path("position").asLong(),
                cloudEvent.path("id").asText(),
                cloudEvent.path("type").asText(),
                cloudEvent.path("subject").asText(),
                cloudEvent.path("articleversion").asLong(),
                cloudEvent.path("data"),
                cloudEvent);
    }

    /** {@code news.article.published.v1} → {@code published}. */
    String name() {
        String withoutPrefix = type.substring("news.article.".length());
        return withoutPrefix.substring(0, withoutPrefix.lastIndexOf(".v"));
    }

    boolean is(String name) {
        return name().equals(name);
    }
}
