package org.newsroom.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.newsroom.platform.web.MongoUnavailable;
import org.newsroom.testing.SilenceableProxy;
import org.newsroom.testing.TestMongo;

/**
 * A connection that goes silent (a partition, a stalled server) fails an operation within
 * {@code newsroom.mongodb.socket-timeout} instead of blocking it forever. Found by the reliability suite (scenario
 * 6): with the driver's default of no read timeout, a command and a projection waited on such a connection until it
 * was closed, 60 s and more after the database was back.
 */
class SilentConnectionTest {

    @Test
    void anOperationOnASilentConnectionFailsWithinTheSocketTimeout() throws Exception {
        try (TestMongo server = new TestMongo();
                SilenceableProxy proxy = new SilenceableProxy(server.connectionString())) {
            MongoConfiguration.MongoConnection connection = MongoConfiguration.connect(
                    "mongodb://127.0.0.1:" + proxy.port() + "/test",
                    "test",
                    Duration.ofSeconds(3),
                    Duration.ofMillis(800));
            try (connection) {
                assertThat(connection
                                .database()
                                .runCommand(new Document("ping", 1))
                                .get("ok"))
                        .isNotNull();
                proxy.silence();

                Throwable failure = assertTimeoutPreemptively(
                        Duration.ofSeconds(20),
                        () -> catchThrowable(() -> connection
                                .database()
                                .getCollection("any")
                                .find()
                                .first()));

                assertThat(failure).isNotNull();
                assertThat(MongoUnavailable.causedBy(failure))
                        .as("%s counts as unavailable", failure)
                        .isTrue();
            }
        }
    }
}
