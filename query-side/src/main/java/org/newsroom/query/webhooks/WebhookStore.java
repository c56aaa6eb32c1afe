package org.newsroom.query.webhooks;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

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

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Subscriptions and their delivery attempts in MongoDB. Every read is by {@code _id}, the one fast lookup of the
 * embedded server: attempts are keyed {@code <subscription id>:<attempt sequence>} and read back by exact keys.
 */
public class WebhookStore {

    static final String SUBSCRIPTIONS = "webhook_subscriptions";
    static final String DELIVERIES = "webhook_deliveries";

    private final MongoCollection<Document> subscriptions;
    private final MongoCollection<Document> deliveries;

    public WebhookStore(MongoDatabase database) {
        this.subscriptions = database.getCollection(SUBSCRIPTIONS);
        this.deliveries = database.getCollection(DELIVERIES);
    }

    public void insert(Subscription subscription) {
        subscriptions.insertOne(toDocument(subscription).append("attemptsLogged", 0L));
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(subscriptions.find(eq("_id", id)).first()).map(WebhookStore::fromDocument);
    }

    public List<Subscription> all() {
        return subscriptions.find().map(WebhookStore::fromDocument).into(new ArrayList<>()).stream()
                .sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id))
                .toList();
    }

    public boolean delete(String id) {
        boolean deleted = subscriptions.deleteOne(eq("_id", id)).getDeletedCount() == 1;
        deliveries.deleteMany(eq("subscription", id));
        return deleted;
    }

    /**
     * Stores a subscription's progress and state, unless its generation changed meanwhile (an API change won);
     * answers whether it was stored.
     */
    public boolean save(Subscription subscription) {
        return subscriptions
                        .updateOne(
                                and(eq("_id", subscription.id()), eq("generation", subscription.generation())),
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
                Updates.set("stateChangedAt", date(subscription.stateChangedAt())));
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
                .append("url", subscription.url().toString())
                .append("types", subscription.types())
                .append("secret", subscription.secret())
                .append("state", subscription.state().name())
                .append("position", subscription.position())
                .append("attempts", subscription.attempts())
                .append("nextAttemptAt", date(subscription.nextAttemptAt()))
                .append("lastError", subscription.lastError())
                .append("createdAt", date(subscription.createdAt()))
                .append("stateChangedAt", date(subscription.stateChangedAt()))
                .append("generation", subscription.generation());
    }

    @SuppressWarnings("unchecked")
    private static Subscription fromDocument(Document document) {
        return new Subscription(
                document.getString("_id"),
                URI.create(document.getString("url")),
                (List<String>) document.get("types", List.class),
                document.getString("secret"),
                Subscription.State.valueOf(document.getString("state")),
                document.get("position", Number.class).longValue(),
                document.get("attempts", Number.class).intValue(),
                instant(document.getDate("nextAttemptAt")),
                document.getString("lastError"),
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

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
