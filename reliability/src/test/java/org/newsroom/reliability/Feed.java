package org.newsroom.reliability;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the whole feed through {@code GET /feed/events}, page by page, as a pulling integrator would. */
final class Feed {

    private static final int PAGE = 500;

    private Feed() {}

    /** Every event after {@code after}, in the order the pages gave them. */
    static List<FeedEvent> readAll(Http http, long after) {
        List<FeedEvent> events = new ArrayList<>();
        long next = after;
        while (true) {
            JsonNode page = http.getJson("/feed/events?after=" + next + "&limit=" + PAGE, "integrator");
            for (JsonNode event : page.path("events")) {
                events.add(FeedEvent.of(event));
            }
            long following = page.path("next").asLong();
            if (page.path("events").isEmpty() || following <= next) {
                return events;
            }
            next = following;
        }
    }

    static List<FeedEvent> readAll(Http http) {
        return readAll(http, 0);
    }
}
