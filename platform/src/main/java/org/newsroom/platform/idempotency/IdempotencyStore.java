package org.newsroom.platform.idempotency;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/**
 * Idempotency records in MongoDB, one document per (user, key), found by {@code _id} only:
 * <pre>
 * { _id: "editor:7c1e…", requestHash, claim: "&lt;uuid&gt;", state: "pending" | "done", createdAt, expiresAt,
 *   leaseUntil, status, headers: [{name, value}], body }
 * </pre>
 * Whoever inserts the document first (unique {@code _id}) executes the request; everyone else waits for its answer.
 * Records expire after the TTL: a TTL index removes them on a real MongoDB, and a record past {@code expiresAt} is
 * treated as absent anyway (the embedded server ignores TTL indexes). A pending record whose lease ran out belongs to
 * a process that died mid-request, and may be claimed again.
 */
class IdempotencyStore {

    static final String COLLECTION = "idempotency_keys";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final int CLAIM_ATTEMPTS = 5;

    sealed interface Claim permits Claimed, Replay, Mismatch, InProgress {}

    /** This request owns the key and executes; it must {@link #complete} or {@link #release} the claim. */
    record Claimed(String id, String token) implements Claim {}

    /** The same request was answered before: give that answer again. */
    record Replay(StoredAnswer answer) implements Claim {}

    /** The key was used for a different request. */
    record Mismatch() implements Claim {}

    /** The same request is executing right now, elsewhere. */
    record InProgress() implements Claim {}

    private final MongoCollection<Document> keys;
    private final Clock clock;
    private final Duration ttl;
    private final Duration lease;

    /** {@code ttlIndex}: whether to ask for a TTL index (the embedded server has none and says so in a warning). */
    IdempotencyStore(MongoDatabase database, Clock clock, Duration ttl, Duration lease, boolean ttlIndex) {
        this.keys = database.getCollection(COLLECTION);
        this.clock = clock;
        this.ttl = ttl;
        this.lease = lease;
        if (ttlIndex) {
            try {
                keys.createIndex(
                        Indexes.ascending("expiresAt"),
                        new IndexOptions().name("expiresAt-ttl").expireAfter(0L, TimeUnit.SECONDS));
            } catch (MongoException unsupported) {
                log.warn(
                        "no TTL index on {}: expired records are ignored on read, never removed: {}",
                        COLLECTION,
                        unsupported.toString());
            }
        }
    }

    Claim claim(String id, String requestHash) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            String token = UUID.randomUUID().toString();
            try {
                keys.insertOne(new Document("_id", id)
                        .append("requestHash", requestHash)
                        .append("claim", token)
                        .append("state", "pending")
                        .append("createdAt", Date.from(now))
                        .append("expiresAt", Date.from(now.plus(ttl)))
                        .append("leaseUntil", Date.from(now.plus(lease))));
                return new Claimed(id, token);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = keys.find(eq("_id", id)).first();
            if (existing == null) {
                continue;
            }
            boolean done = "done".equals(existing.getString("state"));
            if (isPast(existing, "expiresAt", now) || (!done && isPast(existing, "leaseUntil", now))) {
                keys.deleteOne(and(eq("_id", id), eq("claim", existing.getString("claim"))));
                continue;
            }
            if (!requestHash.equals(existing.getString("requestHash"))) {
                return new Mismatch();
            }
            return done ? new Replay(answer(existing)) : new InProgress();
        }
        return new InProgress();
    }

    void complete(Claimed claim, StoredAnswer answer) {
        List<Document> headers = answer.headers().stream()
                .map(header -> new Document("name", header.name()).append("value", header.value()))
                .toList();
        keys.updateOne(
                and(eq("_id", claim.id()), eq("claim", claim.token())),
                Updates.combine(
                        Updates.set("state", "done"),
                        Updates.set("status", answer.status()),
                        Updates.set("headers", headers),
                        Updates.set("body", new Binary(answer.body())),
                        Updates.set("completedAt", Date.from(clock.instant()))));
    }

    void release(Claimed claim) {
        keys.deleteOne(and(eq("_id", claim.id()), eq("claim", claim.token())));
    }

    private static boolean isPast(Document document, String field, Instant now) {
        Date date = document.getDate(field);
        return date != null && !date.toInstant().isAfter(now);
    }

    private static StoredAnswer answer(Document document) {
        List<StoredAnswer.Header> headers = document.getList("headers", Document.class, List.of()).stream()
                .map(header -> new StoredAnswer.Header(header.getString("name"), header.getString("value")))
                .toList();
        Binary body = document.get("body", Binary.class);
        return new StoredAnswer(document.getInteger("status"), headers, body == null ? new byte[0] : body.getData());
    }
}
