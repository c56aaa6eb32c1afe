package org.newsroom.query.feed;

import java.util.List;

/**
 * A page of the feed: the events after the requested position, in position order, and the position to ask after
 * next: the last position examined, so a filtered reader pages on without gaps even when nothing matched.
 */
public record FeedPage(List<FeedEvent> events, long next) {

    public FeedPage {
        events = List.copyOf(events);
    }

    public static FeedPage empty(long after) {
        return new FeedPage(List.of(), after);
    }
}
