package org.newsroom.query.syndication;

import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.query.feed.FeedSettings;
import org.newsroom.query.site.SiteSettings;
import org.newsroom.query.webhooks.WebhookFeed;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The syndication feed, read from the event log with the site's addresses, and its webhooks' view of it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SiteSettings.class)
class SyndicationConfiguration {

    @Bean
    SyndicationFeed syndicationFeed(EventLogStorageEngine engine, SiteSettings site) {
        return new SyndicationFeed(engine, site);
    }

    @Bean
    WebhookFeed syndicationWebhookFeed(SyndicationFeed feed, FeedSettings settings) {
        return new SyndicationWebhooks(feed, settings.scanLimit());
    }
}
