package org.newsroom.query.webhooks;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;

import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;
import org.newsroom.query.feed.ArticleCloudEvents;
import org.newsroom.query.feed.LiveFeed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    /** The key that seals secrets at rest: configured, or for the embedded default kept in its data directory. */
    @Bean
    SecretBox webhookSecretBox(WebhookSettings settings, Environment environment, MongoConnection connection) {
        String key = settings.secretKey() != null && !settings.secretKey().isBlank()
                ? settings.secretKey()
                : environment.getProperty("NEWSROOM_WEBHOOK_KEY");
        SecretKeys.Embedded embedded = null;
        if (connection.isEmbedded()) {
            boolean inMemory = environment.getProperty("newsroom.embedded.in-memory", Boolean.class, false);
            embedded = new SecretKeys.Embedded(
                    inMemory
                            ? null
                            : Path.of(environment.getProperty(
                                    "newsroom.data-dir", environment.getProperty("NEWSROOM_DATA_DIR", "./data"))));
        }
        return SecretKeys.load(key, settings.secretKeyFile(), settings.previousSecretKeys(), embedded);
    }

    @Bean
    WebhookStore webhookStore(MongoDatabase database, SecretBox webhookSecretBox) {
        WebhookStore store = new WebhookStore(database, webhookSecretBox);
        store.sealSecrets();
        return store;
    }

    @Bean
    TargetPolicy webhookTargetPolicy(WebhookSettings settings) {
        return new TargetPolicy(settings.allowPrivateTargets());
    }

    /** The integration feed; other features contribute theirs as {@link WebhookFeed} beans of their own. */
    @Bean
    WebhookFeed integrationWebhookFeed(LiveFeed feed) {
        return new WebhookFeed.Integration(feed, ArticleCloudEvents.knownTypes());
    }

    @Bean
    WebhookDispatcher webhookDispatcher(
            WebhookStore store,
            LiveFeed feed,
            List<WebhookFeed> feeds,
            TargetPolicy targets,
            SecretBox webhookSecretBox,
            WebhookSettings settings,
            Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("webhook-timer-");
        threads.setDaemon(true);
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2, threads);
        timers.setRemoveOnCancelPolicy(true);
        MeterRegistry registry = meters.getIfAvailable();
        WebhookDispatcher dispatcher = new WebhookDispatcher(
                store,
                feed,
                feeds,
                new WebhookSender(targets.resolver(), settings.timeout(), clock, timers),
                webhookSecretBox,
                new RetrySchedule(
                        settings.retry(), () -> ThreadLocalRandom.current().nextDouble()),
                settings,
                clock,
                timers,
                reason -> {
                    if (registry != null) {
                        disabled(registry, reason).increment();
                    }
                });
        if (registry != null) {
            Gauge.builder("newsroom.webhooks.backlog", dispatcher, WebhookDispatcher::backlog)
                    .description("positions not yet delivered over all active webhooks")
                    .register(registry);
            Gauge.builder(
                            "newsroom.webhooks.leases",
                            dispatcher,
                            held -> held.held().size())
                    .description("webhook subscriptions this instance holds the lease of and delivers")
                    .register(registry);
            disabled(registry, Subscription.GONE);
            disabled(registry, Subscription.FAILING);
        }
        return dispatcher;
    }

    private static Counter disabled(MeterRegistry registry, String reason) {
        return Counter.builder("newsroom.webhooks.disabled")
                .description(
                        "webhooks disabled by this instance: 410 Gone, or failing for newsroom.webhooks.disable-after")
                .tag("reason", reason)
                .register(registry);
    }

    @Bean
    Webhooks webhooks(
            WebhookStore store,
            WebhookDispatcher dispatcher,
            TargetPolicy targets,
            SecretBox webhookSecretBox,
            List<WebhookFeed> feeds,
            LiveFeed feed,
            EventLogStorageEngine engine,
            WebhookSettings settings,
            Clock clock) {
        return new Webhooks(store, dispatcher, targets, webhookSecretBox, feeds, feed, engine, settings, clock);
    }
}
