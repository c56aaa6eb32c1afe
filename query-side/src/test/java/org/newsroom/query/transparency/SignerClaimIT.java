package org.newsroom.query.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroom.query.InMemoryMongo;
import org.newsroom.query.QueryInstance;

import com.mongodb.client.MongoCollection;

/**
 * The checkpoint signer is one Axon processor whose token claim makes one instance of several the signer. That
 * instance must extend the claim well within {@code newsroom.query.claim-timeout}, as the projections do, however
 * quiet the log is: a claim left older than the timeout is taken by another instance, and the signer moves between
 * instances (each move aborting the old holder's work with an error in its log).
 */
class SignerClaimIT {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(3);
    private static final String CLAIM_TIMEOUT_PROPERTY =
            "newsroom.query.claim-timeout=" + CLAIM_TIMEOUT.toSeconds() + "s";

    @Test
    void theSignersClaimIsExtendedWithinTheClaimTimeoutSoNoOtherInstanceTakesIt() {
        String database = MONGO.freshDatabaseName();
        MongoCollection<Document> tokens = MONGO.database(database).getCollection("projection_tokens");
        try (QueryInstance first = new QueryInstance(MONGO.connectionString(), database, CLAIM_TIMEOUT_PROPERTY);
                QueryInstance second = new QueryInstance(MONGO.connectionString(), database, CLAIM_TIMEOUT_PROPERTY)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> claim(tokens) != null);
            Set<String> owners = new TreeSet<>();
            AtomicLong oldest = new AtomicLong();
            Instant end = Instant.now().plus(CLAIM_TIMEOUT.multipliedBy(3));
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        Document claim = claim(tokens);
                        if (claim != null && claim.getString("owner") != null) {
                            owners.add(claim.getString("owner"));
                            long age = System.currentTimeMillis()
                                    - claim.get("timestamp", Number.class).longValue();
                            oldest.accumulateAndGet(age, Math::max);
                        }
                        return Instant.now().isAfter(end);
                    });
            assertThat(oldest.get())
                    .as("the age of the signer's claim at its oldest, over three claim timeouts (ms)")
                    .isLessThan(CLAIM_TIMEOUT.toMillis());
            assertThat(owners).as("the signer's claim holders").hasSize(1);
        }
    }

    private static Document claim(MongoCollection<Document> tokens) {
        return tokens.find(new Document("processorName", TransparencyConfiguration.SIGNER))
                .first();
    }
}
