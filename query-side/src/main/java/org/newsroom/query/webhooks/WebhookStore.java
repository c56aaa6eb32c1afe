package org.newsroom.query.webhooks;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Subscriptions, their leases and their delivery attempts in MongoDB. Reads of one subscription are by {@code _id},
 * the one fast lookup of the embedded server: attempts are keyed {@code <subscription id>:<attempt sequence>} and read
 * back by exact keys. A subscription's signing secret is stored sealed ({@link SecretBox}) in {@code sealedSecret};
 * one stored in clear ({@code secret}) by an earlier version is sealed when it is first read, and at every start. A
 * subscription's {@code feed} is {@code integration} or {@code syndication}; one stored without it (by a release before
 * partners had webhooks) follows the integration feed.
 * <p>
 * A subscription is delivered by the instance holding its lease ({@code leaseOwner} until {@code leaseUntil}): taken
 * with one conditional update, so of several instances exactly one wins, and its progress is stored only by the holder,
 * and only forward.
 */
public class WebhookStore {

    static final String SUBSCRIPTIONS = "webhook_subscriptions";
    static final String DELIVERIES = "webhook_deliveries";
    private static final Logger log = LoggerFactory.getLogger(WebhookStore.class);

    /** What every instance's poll reads of each subscription: enough to see changes and leases. */
    public record Listed(
            String id,
            Subscription.State state,
            long generation,
            @Nullable String leaseOwner,
            @Nullable Instant leaseUntil) {}

    private final MongoCollection<Document> subscriptions;
    private final MongoCollection<Document> deliveries;
    private final SecretBox secrets;

    public WebhookStore(MongoDatabase database, SecretBox secrets) {
        this.subscriptions = database.getCollection(SUBSCRIPTIONS);
        this.deliveries = database.getCollection(DELIVERIES);
        this.secrets = secrets;
    }

    public void insert(Subscription subscription) {
        subscriptions.insertOne(toDocument(subscription).append("attemptsLogged", 0L));
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(subscriptions.find(eq("_id", id)).first()).map(this::fromDocument);
    }

    /** The subscription, while {@code instance} holds its lease. */
    public Optional<Subscription> findHeld(String id, String instance) {
        return Optional.ofNullable(subscriptions
                        .find(and(eq("_id", id), eq("leaseOwner", instance)))
                        .first())
                .map(this::fromDocument);
    }

    public List<Subscription> all() {
        return subscriptions.find().map(this::fromDocument).into(new ArrayList<>()).stream()
                .sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id))
                .toList();
    }

    public List<Listed> list() {
        return subscriptions
                .find()
                .projection(Projections.include("state", "generation", "leaseOwner", "leaseUntil"))
                .map(document -> new Listed(
                        document.getString("_id"),
                        Subscription.State.valueOf(document.getString("state")),
                        document.get("generation", Number.class).longValue(),
                        document.getString("leaseOwner"),
                        instant(document.getDate("leaseUntil"))))
                .into(new ArrayList<>());
    }

    public long countOwnedBy(String owner) {
        return subscriptions.countDocuments(eq("owner", owner));
    }

    public boolean delete(String id) {
        boolean deleted = subscriptions.deleteOne(eq("_id", id)).getDeletedCount() == 1;
        deliveries.deleteMany(eq("subscription", id));
        return deleted;
    }

    /**
     * Takes the lease of an active subscription for {@code instance} until {@code until}, unless another instance
     * holds one that has not expired by {@code now}; answers whether {@code instance} holds it now.
     */
    public boolean acquire(String id, String instance, Instant now, Instant until) {
        return subscriptions
                        .updateOne(
                                and(
                                        eq("_id", id),
                                        eq("state", Subscription.State.ACTIVE.name()),
                                        or(
                                                eq("leaseOwner", null),
                                                eq("leaseOwner", instance),
                                                lt("leaseUntil", Date.from(now)))),
                                Updates.combine(
                                        Updates.set("leaseOwner", instance),
                                        Updates.set("leaseUntil", Date.from(until))))
                        .getMatchedCount()
                == 1;
    }

    /** Extends a lease {@code instance} still holds; answers whether it still held it. */
    public boolean renew(String id, String instance, Instant until) {
        return subscriptions
                        .updateOne(
                                and(eq("_id", id), eq("leaseOwner", instance)),
                                Updates.set("leaseUntil", Date.from(until)))
                        .getMatchedCount()
                == 1;
    }

    /** Gives a lease up, so that another instance may take it at once. */
    public void release(String id, String instance) {
        subscriptions.updateOne(
                and(eq("_id", id), eq("leaseOwner", instance)),
                Updates.combine(Updates.set("leaseOwner", null), Updates.set("leaseUntil", null)));
    }

    /**
     * Stores a subscription's progress and state, only while {@code instance} holds its lease, only forward, and
     * unless its generation changed meanwhile (an API change won); answers whether it was stored.
     */
    public boolean save(Subscription subscription, String instance) {
        return subscriptions
                        .updateOne(
                                and(
                                        eq("_id", subscription.id()),
                                        eq("generation", subscription.generation()),
                                        eq("leaseOwner", instance),
                                        lte("position", subscription.position())),
                                progress(subscription))
                        .getMatchedCount()
                == 1;
    }

    /** Stores a change made through the API: {@code changed} must carry the next generation of {@code expected}. */
    public boolean replace(Subscription expected, Subscription changed) {
        return subscriptions
                        .updateOne(
                                and(eq("_id", expected.id()), eq("generation", expected.generation())),
                                Updates.combine(progress(changed), Updates.set("generation", changed.generation())))
                        .getMatchedCount()
                == 1;
    }

    private static Bson progress(Subscription subscription) {
        return Updates.combine(
                Updates.set("state", subscription.state().name()),
                Updates.set("position", subscription.position()),
                Updates.set("attempts", subscription.attempts()),
                Updates.set("nextAttemptAt", date(subscription.nextAttemptAt())),
                Updates.set("lastError", subscription.lastError()),
                Updates.set("failingSince", date(subscription.failingSince())),
                Updates.set("disabledReason", subscription.disabledReason()),
                Updates.set("stateChangedAt", date(subscription.stateChangedAt())));
    }

    /**
     * Seals every secret stored in clear by an earlier version, and re-seals under the current key those sealed under
     * a previous one; answers how many it changed.
     */
    public int sealSecrets() {
        int changed = 0;
        for (Document document : subscriptions
                .find(or(exists("secret", true), exists("sealedSecret", true)))
                .projection(Projections.include("secret", "sealedSecret"))) {
            String id = document.getString("_id");
            String clear = document.getString("secret");
            String sealed = document.getString("sealedSecret");
            if (clear != null) {
                changed += sealClear(id, clear, secrets.seal(id, clear)) ? 1 : 0;
            } else if (sealed != null && !secrets.isCurrent(sealed)) {
                String resealed = secrets.seal(id, secrets.open(id, sealed));
                changed += (int) subscriptions
                        .updateOne(
                                and(eq("_id", id), eq("sealedSecret", sealed)), Updates.set("sealedSecret", resealed))
                        .getModifiedCount();
            }
        }
        if (changed > 0) {
            log.info("Webhooks: sealed {} signing secret(s) under the current key", changed);
        }
        return changed;
    }

    private boolean sealClear(String id, String clear, String sealed) {
        return subscriptions
                        .updateOne(
                                and(eq("_id", id), eq("secret", clear)),
                                Updates.combine(Updates.set("sealedSecret", sealed), Updates.unset("secret")))
                        .getModifiedCount()
                == 1;
    }

    /** Records an attempt under the subscription's next attempt sequence, and returns it with that sequence. */
    public DeliveryAttempt log(DeliveryAttempt attempt) {
        Document counter = subscriptions.findOneAndUpdate(
                eq("_id", attempt.subscriptionId()),
                Updates.inc("attemptsLogged", 1L),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (counter == null) {
            return attempt;
        }
        long sequence = counter.get("attemptsLogged", Number.class).longValue();
        DeliveryAttempt logged = new DeliveryAttempt(
                attempt.subscriptionId(),
                sequence,
                attempt.position(),
                attempt.eventId(),
                attempt.type(),
                attempt.attempt(),
                attempt.time(),
                attempt.statusCode(),
                attempt.error(),
                attempt.durationMillis(),
                attempt.outcome());
        deliveries.insertOne(new Document("_id", key(attempt.subscriptionId(), sequence))
                .append("subscription", logged.subscriptionId())
                .append("sequence", sequence)
                .append("position", logged.position())
                .append("eventId", logged.eventId())
                .append("type", logged.type())
                .append("attempt", logged.attempt())
                .append("time", date(logged.time()))
                .append("statusCode", logged.statusCode())
                .append("error", logged.error())
                .append("durationMillis", logged.durationMillis())
                .append("outcome", logged.outcome()));
        return logged;
    }

    /** How many attempts the subscription has logged: the sequence of the newest one. */
    public long attemptsLogged(String id) {
        Document document = subscriptions.find(eq("_id", id)).first();
        return document == null
                ? 0
                : document.get("attemptsLogged", Number.class).longValue();
    }

    /** Up to {@code limit} attempts with a sequence below {@code before}, newest first. */
    public List<DeliveryAttempt> attempts(String id, long before, int limit) {
        long from = Math.max(1, before - limit);
        if (before <= from) {
            return List.of();
        }
        List<String> keys = LongStream.range(from, before)
                .mapToObj(sequence -> key(id, sequence))
                .toList();
        return deliveries.find(in("_id", keys)).map(WebhookStore::attemptFrom).into(new ArrayList<>()).stream()
                .sorted(Comparator.comparingLong(DeliveryAttempt::sequence).reversed())
                .toList();
    }

    private static String key(String id, long sequence) {
        return id + ":" + sequence;
    }

    private static Document toDocument(Subscription subscription) {
        return new Document("_id", subscription.id())
                .append("feed", subscription.feed().value())
                .append("owner", subscription.owner())
                .append("url", subscription.url().toString())
                .append("types", subscription.types())
                .append("sealedSecret", subscription.sealedSecret())
                .append("state", subscription.state().name())
                .append("position", subscription.position())
                .append("attempts", subscription.attempts())
                .append("nextAttemptAt", date(subscription.nextAttemptAt()))
                .append("lastError", subscription.lastError())
                .append("failingSince", date(subscription.failingSince()))
                .append("disabledReason", subscription.disabledReason())
                .append("createdAt", date(subscription.createdAt()))
                .append("stateChangedAt", date(subscription.stateChangedAt()))
                .append("generation", subscription.generation());
    }

    @SuppressWarnings("unchecked")
    private Subscription fromDocument(Document document) {
        String id = document.getString("_id");
        String sealed = document.getString("sealedSecret");
        String clear = document.getString("secret");
        if (sealed == null && clear != null) {
            sealed = secrets.seal(id, clear);
            sealClear(id, clear, sealed);
        }
        return new Subscription(
                id,
                Subscription.Feed.of(document.getString("feed")),
                document.getString("owner"),
                URI.create(document.getString("url")),
                (List<String>) document.get("types", List.class),
                sealed == null ? "" : sealed,
                Subscription.State.valueOf(document.getString("state")),
                document.get("position", Number.class).longValue(),
                document.get("attempts", Number.class).intValue(),
                instant(document.getDate("nextAttemptAt")),
                document.getString("lastError"),
                instant(document.getDate("failingSince")),
                document.getString("disabledReason"),
                instant(document.getDate("createdAt")),
                instant(document.getDate("stateChangedAt")),
                document.get("generation", Number.class).longValue());
    }

    private static DeliveryAttempt attemptFrom(Document document) {
        Number status = document.get("statusCode", Number.class);
        return new DeliveryAttempt(
                document.getString("subscription"),
                document.get("sequence", Number.class).longValue(),
                document.get("position", Number.class).longValue(),
                document.getString("eventId"),
                document.getString("type"),
                document.get("attempt", Number.class).intValue(),
                instant(document.getDate("time")),
                status == null ? null : status.intValue(),
                document.getString("error"),
                document.get("durationMillis", Number.class).longValue(),
                document.getString("outcome"));
    }

    private static @Nullable Date date(@Nullable Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }
}
