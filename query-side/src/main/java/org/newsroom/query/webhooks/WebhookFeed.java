package org.newsroom.query.webhooks;

import java.util.List;
import java.util.Set;

import org.newsroom.query.feed.FeedEvent;
import org.newsroom.query.feed.FeedPage;
import org.newsroom.query.feed.LiveFeed;

/**
 * A feed subscriptions can follow ({@link Subscription#feed()}): the CloudEvents it makes of the log's events, by
 * position, exactly as its pull route serves them. The dispatcher delivers what it answers and moves a subscription's
 * cursor over the positions it passes without an event.
 */
public interface WebhookFeed {

    /** The subscriptions that follow this feed. */
    Subscription.Feed feed();

    /** The event types it publishes, which a subscription may choose among. */
    Set<String> types();

    /**
     * Up to {@code max} events after {@code position}, in position order, and in {@link FeedPage#next()} the last
     * position looked at: every position up to it that carries no event has nothing for this feed. Empty, with
     * {@code next} at {@code position}, when the log holds nothing newer yet.
     */
    FeedPage after(long position, int max);

    /** The integration feed: every event of the log, from the {@link LiveFeed}'s ring when it still holds them. */
    record Integration(LiveFeed live, Set<String> types) implements WebhookFeed {

        @Override
        public Subscription.Feed feed() {
            return Subscription.Feed.INTEGRATION;
        }

        @Override
        public FeedPage after(long position, int max) {
            List<FeedEvent> events = live.after(position, max);
            return new FeedPage(
                    events,
                    events.isEmpty() ? position : events.get(events.size() - 1).position());
        }
    }
}
