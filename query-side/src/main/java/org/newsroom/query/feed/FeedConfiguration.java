package org.newsroom.query.feed;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.Serializer;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedSettings.class)
class FeedConfiguration {

    @Bean
    ArticleCloudEvents articleCloudEvents(@Qualifier("eventSerializer") Serializer eventSerializer) {
        return new ArticleCloudEvents(eventSerializer);
    }

    @Bean
    FeedLog feedLog(EventLogStorageEngine engine, ArticleCloudEvents envelopes) {
        return new FeedLog(engine, envelopes);
    }

    @Bean
    LiveFeed liveFeed(
            @Qualifier("eventBus") EmbeddedEventStore eventStore,
            EventLogStorageEngine engine,
            FeedLog feedLog,
            ArticleCloudEvents envelopes,
            FeedSettings settings,
            ObjectProvider<MeterRegistry> meters) {
        LiveFeed feed = new LiveFeed(eventStore, engine, feedLog, envelopes, settings);
        meters.ifAvailable(registry -> {
            FunctionCounter.builder("newsroom.feed.log.reads", feed, LiveFeed::logReads)
                    .description("reads of the event log by feed readers behind the live ring")
                    .register(registry);
            Gauge.builder("newsroom.feed.head", feed, LiveFeed::head)
                    .description("the newest position the live feed has seen")
                    .register(registry);
        });
        return feed;
    }

    @Bean
    FeedStreams feedStreams(LiveFeed feed, FeedSettings settings, ObjectProvider<MeterRegistry> meters) {
        FeedStreams streams = new FeedStreams(feed, settings);
        meters.ifAvailable(
                registry -> Gauge.builder("newsroom.feed.stream.subscribers", streams, FeedStreams::subscriberCount)
                        .description("open /feed/stream connections")
                        .register(registry));
        return streams;
    }

    @Bean
    FeedWaits feedWaits(LiveFeed feed) {
        return new FeedWaits(feed);
    }
}
