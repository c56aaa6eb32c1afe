package org.newsroom.query.syndication;

import java.util.Set;

import org.newsroom.query.feed.FeedPage;
import org.newsroom.query.webhooks.Subscription;
import org.newsroom.query.webhooks.WebhookFeed;

/**
 * The syndication feed as partners' webhooks follow it: each delivery is the CloudEvent {@code /syndication/events}
 * serves at that position, and the positions with nothing public are passed over.
 */
class SyndicationWebhooks implements WebhookFeed {

    private final SyndicationFeed feed;
    private final int scanLimit;

    SyndicationWebhooks(SyndicationFeed feed, int scanLimit) {
        this.feed = feed;
        this.scanLimit = scanLimit;
    }

    @Override
    public Subscription.Feed feed() {
        return Subscription.Feed.SYNDICATION;
    }

    @Override
    public Set<String> types() {
        return SyndicationFeed.TYPES;
    }

    @Override
    public FeedPage after(long position, int max) {
        return feed.read(position, max, scanLimit);
    }
}
