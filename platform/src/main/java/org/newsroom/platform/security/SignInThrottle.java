package org.newsroom.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Failed sign-ins, counted per user name and per client address in the MongoDB collection {@value #COLLECTION}, so
 * that every instance sees the same counts: after {@code newsroom.security.sign-in.max-failures} (5) failures within
 * {@code newsroom.security.sign-in.window} (1 minute) for a user, or
 * {@code newsroom.security.sign-in.max-failures-per-address} (20) from one address (an office behind one NAT address
 * is many people), further attempts are refused with 429 until the window ends, without checking a password. Every failure is logged (user name and address, never
 * the password) and counted in the metric {@code newsroom_sign_in_failures_total}.
 */
final class SignInThrottle {

    static final String COLLECTION = "signInFailures";
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final MongoCollection<Document> failures;
    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;
    private final Counter counter;

    SignInThrottle(
            MongoDatabase database,
            int maxPerUser,
            int maxPerAddress,
            Duration window,
            Clock clock,
            MeterRegistry meters) {
        this.failures = database.getCollection(COLLECTION);
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
        this.counter = Counter.builder("newsroom.sign.in.failures")
                .description("Sign-in attempts refused for a wrong user name or password")
                .register(meters);
        failures.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    /** How long {@code user} or {@code address} must wait before the next attempt, if it must. */
    Optional<Duration> blocked(String user, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        try {
            for (Document counted : failures.find(Filters.in("_id", List.of(userKey(user), addressKey(address))))) {
                Instant started = counted.getDate("windowStart").toInstant();
                Instant ends = started.plus(window);
                int max = counted.getString("_id").startsWith("user:") ? maxPerUser : maxPerAddress;
                if (counted.getInteger("failures", 0) >= max && ends.isAfter(now)) {
                    Duration left = Duration.between(now, ends);
                    wait = left.compareTo(wait) > 0 ? left : wait;
                }
            }
        } catch (MongoException e) {
            // the database is down: so is everything else a signed-in user could do; do not refuse on top of it
            log.warn("Could not read the sign-in failure counts: {}", e.toString());
            return Optional.empty();
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Records a failed attempt: logged, counted in the metric and towards both throttles. */
    void failed(String user, String address) {
        counter.increment();
        int count = 0;
        try {
            count = Math.max(count(userKey(user)), count(addressKey(address)));
        } catch (MongoException e) {
            log.warn("Could not count a failed sign-in: {}", e.toString());
        }
        log.warn(
                "Sign-in failed for user '{}' from {} ({} in the last {} s)",
                printable(user),
                address,
                count,
                window.toSeconds());
    }

    private int count(String key) {
        Instant now = clock.instant();
        Document counted = failures.findOneAndUpdate(
                Filters.and(Filters.eq("_id", key), Filters.gt("windowStart", Date.from(now.minus(window)))),
                Updates.inc("failures", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (counted != null) {
            return counted.getInteger("failures", 1);
        }
        failures.replaceOne(
                Filters.eq("_id", key),
                new Document("_id", key)
                        .append("windowStart", Date.from(now))
                        .append("failures", 1)
                        .append("expiresAt", Date.from(now.plus(window))),
                new ReplaceOptions().upsert(true));
        return 1;
    }

    private static String userKey(String user) {
        return "user:" + user.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    /** A user name as typed, safe for one log line: control characters (line breaks) replaced. */
    static String printable(String user) {
        String shown = user.length() > 100 ? user.substring(0, 100) + "…" : user;
        return shown.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
