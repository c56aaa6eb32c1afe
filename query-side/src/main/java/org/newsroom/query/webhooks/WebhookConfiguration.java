package org.newsroom.query.webhooks;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.query.feed.LiveFeed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    @Bean
    WebhookStore webhookStore(MongoDatabase database) {
        return new WebhookStore(database);
    }

    @Bean
    TargetPolicy webhookTargetPolicy(WebhookSettings settings) {
        return new TargetPolicy(settings.allowPrivateTargets());
    }

    @Bean
    WebhookDispatcher webhookDispatcher(
            WebhookStore store,
            LiveFeed feed,
            TargetPolicy targets,
            WebhookSettings settings,
            Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        WebhookDispatcher dispatcher = new WebhookDispatcher(
                store,
                feed,
                new WebhookSender(targets, settings.timeout(), clock),
                new RetrySchedule(
                        settings.retry(), () -> ThreadLocalRandom.current().nextDouble()),
                settings,
                clock);
        meters.ifAvailable(
                registry -> Gauge.builder("newsroom.webhooks.backlog", dispatcher, WebhookDispatcher::backlog)
                        .description("positions not yet delivered over all active webhooks")
                        .register(registry));
        return dispatcher;
    }

    @Bean
    Webhooks webhooks(
            WebhookStore store,
            WebhookDispatcher dispatcher,
            TargetPolicy targets,
            LiveFeed feed,
            EventLogStorageEngine engine,
            Clock clock) {
        return new Webhooks(store, dispatcher, targets, feed, engine, clock);
    }
}
