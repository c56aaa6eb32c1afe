package org.newsroom.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The browser's sign-in sessions, in the MongoDB collection {@value #COLLECTION} so that every instance knows each of
 * them. A session is a random token of 256 bits, given to the browser once in the cookie {@value #COOKIE} and stored
 * only as its SHA-256: whoever reads the collection cannot sign in with what is there. A session ends when its
 * lifetime ({@code newsroom.security.session.lifetime}, 8 hours) is over or when the user signs out.
 */
public final class SignInSessions {

    /** {@code POST} signs in, {@code DELETE} signs out. */
    public static final String PATH = "/api/session";

    public static final String COOKIE = "newsroom-session";
    static final String COLLECTION = "signInSessions";

    private final MongoCollection<Document> sessions;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SignInSessions(MongoDatabase database, Duration lifetime, Clock clock) {
        this.sessions = database.getCollection(COLLECTION);
        this.lifetime = lifetime;
        this.clock = clock;
        sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    Duration lifetime() {
        return lifetime;
    }

    /** Opens a session for {@code user}: the token to give the browser, never stored as it is. */
    String open(String user) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        sessions.insertOne(new Document("_id", digest(token))
                .append("user", user)
                .append("createdAt", Date.from(now))
                .append("expiresAt", Date.from(now.plus(lifetime))));
        return token;
    }

    /** The user of a session that is still open. */
    Optional<String> user(String token) {
        if (token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        Document session = sessions.find(Filters.and(
                        Filters.eq("_id", digest(token)), Filters.gt("expiresAt", Date.from(clock.instant()))))
                .first();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getString("user"));
    }

    void close(String token) {
        sessions.deleteOne(Filters.eq("_id", digest(token)));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }
}
