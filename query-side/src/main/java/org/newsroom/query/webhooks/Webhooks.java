package org.newsroom.query.webhooks;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.query.feed.ArticleCloudEvents;
import org.newsroom.query.feed.LiveFeed;

/** What integrators do with their webhooks: register, list, read, delete, read the attempts, redeliver. */
public class Webhooks {

    /** The request names an event type the feed does not publish. */
    public static class UnknownType extends RuntimeException {

        public UnknownType(String type) {
            super("unknown event type '" + type + "'; known types: "
                    + ArticleCloudEvents.knownTypes().stream().sorted().toList());
        }
    }

    /** The integrator already has as many subscriptions as {@code newsroom.webhooks.max-per-integrator} allows. */
    public static class LimitReached extends RuntimeException {

        public LimitReached(String owner, int limit) {
            super("integrator '" + owner + "' already has " + limit + " webhooks, the most allowed"
                    + " (newsroom.webhooks.max-per-integrator); delete one first");
        }
    }

    /** A new subscription and its signing secret, which is shown this once and stored only sealed. */
    public record Registered(Subscription subscription, String secret) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final WebhookDispatcher dispatcher;
    private final TargetPolicy targets;
    private final SecretBox secrets;
    private final LiveFeed feed;
    private final EventLogStorageEngine engine;
    private final WebhookSettings settings;
    private final Clock clock;

    public Webhooks(
            WebhookStore store,
            WebhookDispatcher dispatcher,
            TargetPolicy targets,
            SecretBox secrets,
            LiveFeed feed,
            EventLogStorageEngine engine,
            WebhookSettings settings,
            Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.targets = targets;
        this.secrets = secrets;
        this.feed = feed;
        this.engine = engine;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A new subscription of {@code owner} to every event recorded from now on (of {@code types}, or of every type when
     * empty), with a fresh {@code whsec_} secret. Throws {@link TargetPolicy.TargetRefused}, {@link UnknownType} or
     * {@link LimitReached}.
     */
    public Registered register(String owner, URI url, List<String> types) {
        targets.check(url);
        for (String type : types) {
            if (!ArticleCloudEvents.knownTypes().contains(type)) {
                throw new UnknownType(type);
            }
        }
        if (store.countOwnedBy(owner) >= settings.maxPerIntegrator()) {
            throw new LimitReached(owner, settings.maxPerIntegrator());
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        String id = "wh_" + UUID.randomUUID().toString().replace("-", "");
        Instant now = clock.instant();
        long head = Math.max(feed.head(), engine.knownHeadPosition());
        Subscription subscription = new Subscription(
                id,
                owner,
                url,
                types.stream().distinct().toList(),
                secrets.seal(id, secret),
                Subscription.State.ACTIVE,
                head,
                0,
                null,
                null,
                null,
                null,
                now,
                now,
                0);
        store.insert(subscription);
        // counted again after the insert: of two registrations racing for the last place, neither is kept
        if (store.countOwnedBy(owner) > settings.maxPerIntegrator()) {
            store.delete(id);
            throw new LimitReached(owner, settings.maxPerIntegrator());
        }
        dispatcher.changed(subscription.id());
        return new Registered(subscription, secret);
    }

    public List<Subscription> all() {
        return store.all();
    }

    public Optional<Subscription> find(String id) {
        return store.find(id);
    }

    public boolean delete(String id) {
        boolean deleted = store.delete(id);
        dispatcher.changed(id);
        return deleted;
    }

    /** Up to {@code limit} attempts with a sequence below {@code before} (newest first; all when null). */
    public List<DeliveryAttempt> attempts(String id, Long before, int limit) {
        long upTo = before != null ? before : store.attemptsLogged(id) + 1;
        return store.attempts(id, upTo, limit);
    }

    /**
     * Delivers again every event from position {@code from} (inclusive; by default the first event not yet
     * delivered), and makes a paused or disabled subscription active again, its run of failures forgotten.
     */
    public Optional<Subscription> redeliver(String id, Long from) {
        while (true) {
            Optional<Subscription> found = store.find(id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Subscription subscription = found.get();
            long start = from != null ? from : subscription.position() + 1;
            Subscription restarted = subscription.redeliverFrom(start, clock.instant());
            if (store.replace(subscription, restarted)) {
                dispatcher.changed(id);
                return Optional.of(restarted);
            }
        }
    }
}
