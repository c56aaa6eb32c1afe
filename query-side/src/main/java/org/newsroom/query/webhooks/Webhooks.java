package org.newsroom.query.webhooks;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.query.feed.LiveFeed;

/**
 * What integrators and partners do with their webhooks: register, list, read, delete, read the attempts, redeliver;
 * each within its {@link Scope}.
 */
public class Webhooks {

    /** The request names an event type the subscription's feed does not publish. */
    public static class UnknownType extends RuntimeException {

        public UnknownType(String type, Set<String> known) {
            super("unknown event type '" + type + "'; known types: "
                    + known.stream().sorted().toList());
        }
    }

    /** The owner already has as many subscriptions as {@code newsroom.webhooks.max-per-integrator} allows. */
    public static class LimitReached extends RuntimeException {

        public LimitReached(String owner, int limit) {
            super("'" + owner + "' already has " + limit + " webhooks, the most allowed"
                    + " (newsroom.webhooks.max-per-integrator); delete one first");
        }
    }

    /** A new subscription and its signing secret, which is shown this once and stored only sealed. */
    public record Registered(Subscription subscription, String secret) {}

    /**
     * The subscriptions a caller may see and change: those of one feed, and of those only its own when {@code owner}
     * is given. Integrators share the integration subscriptions; each partner sees only its own syndication ones.
     */
    public record Scope(Subscription.Feed feed, @Nullable String owner) {

        public static Scope integration() {
            return new Scope(Subscription.Feed.INTEGRATION, null);
        }

        public static Scope syndicationOf(String partner) {
            return new Scope(Subscription.Feed.SYNDICATION, partner);
        }

        boolean covers(Subscription subscription) {
            return subscription.feed() == feed && (owner == null || owner.equals(subscription.owner()));
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookStore store;
    private final WebhookDispatcher dispatcher;
    private final TargetPolicy targets;
    private final SecretBox secrets;
    private final Map<Subscription.Feed, WebhookFeed> feeds = new EnumMap<>(Subscription.Feed.class);
    private final LiveFeed live;
    private final EventLogStorageEngine engine;
    private final WebhookSettings settings;
    private final Clock clock;

    public Webhooks(
            WebhookStore store,
            WebhookDispatcher dispatcher,
            TargetPolicy targets,
            SecretBox secrets,
            List<WebhookFeed> feeds,
            LiveFeed feed,
            EventLogStorageEngine engine,
            WebhookSettings settings,
            Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.targets = targets;
        this.secrets = secrets;
        feeds.forEach(each -> this.feeds.put(each.feed(), each));
        this.live = feed;
        this.engine = engine;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A new subscription of {@code owner} to every event of {@code feed} recorded from now on (of {@code types}, or of
     * every type when empty), with a fresh {@code whsec_} secret. Throws {@link TargetPolicy.TargetRefused},
     * {@link UnknownType} or {@link LimitReached}.
     */
    public Registered register(Subscription.Feed feed, String owner, URI url, List<String> types) {
        WebhookFeed source = feeds.get(feed);
        if (source == null) {
            throw new IllegalStateException("no " + feed.value() + " feed to subscribe to on this instance");
        }
        targets.check(url);
        for (String type : types) {
            if (!source.types().contains(type)) {
                throw new UnknownType(type, source.types());
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
        long head = Math.max(live.head(), engine.knownHeadPosition());
        Subscription subscription = new Subscription(
                id,
                feed,
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

    /** The subscriptions in {@code scope}, oldest first. */
    public List<Subscription> all(Scope scope) {
        return store.all().stream().filter(scope::covers).toList();
    }

    /** The subscription, if it is in {@code scope}: one outside it is not found, as if it did not exist. */
    public Optional<Subscription> find(Scope scope, String id) {
        return store.find(id).filter(scope::covers);
    }

    /** Deletes the subscription if it is in {@code scope}; answers whether it did. */
    public boolean delete(Scope scope, String id) {
        if (find(scope, id).isEmpty()) {
            return false;
        }
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
    public Optional<Subscription> redeliver(Scope scope, String id, Long from) {
        while (true) {
            Optional<Subscription> found = find(scope, id);
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
