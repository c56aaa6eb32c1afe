package org.newsroom.platform.mongo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.ReadConcernLevel;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Where the data lives: the MongoDB of {@code MONGODB_URI} (or {@code newsroom.mongodb.uri}), with majority writes and
 * reads. A URI that asks for less ({@code w=0}, {@code w=1} or any number, {@code journal=false},
 * {@code readConcernLevel=local} or {@code available}) is refused at startup: see {@link #requireMajority}. The
 * embedded-mongo module, where it is on the classpath, provides the connection instead when no URI is set (a single
 * server, which has no rollback). Either way the application talks through the real driver.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
public class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MongoConnection mongoConnection(
            @Value("${newsroom.mongodb.uri:${MONGODB_URI:}}") String uri,
            @Value("${newsroom.mongodb.database:newsroom}") String database,
            @Value("${newsroom.mongodb.timeout:3s}") Duration timeout,
            @Value("${newsroom.mongodb.socket-timeout:10s}") Duration socketTimeout) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException("No MongoDB configured: set MONGODB_URI (or newsroom.mongodb.uri). Only the"
                    + " standalone application brings the embedded MongoDB-compatible server that is used without it.");
        }
        return connect(uri, database, timeout, socketTimeout);
    }

    /** A client for a real MongoDB: majority writes and reads; a URI asking for weaker ones is refused. */
    public static MongoConnection connect(String uri, String database, Duration timeout, Duration socketTimeout) {
        ConnectionString connectionString = new ConnectionString(uri);
        requireMajority(connectionString);
        MongoClientSettings.Builder settings = MongoClientSettings.builder().applyConnectionString(connectionString);
        WriteConcern writeConcern = connectionString.getWriteConcern();
        if (writeConcern == null) {
            settings.writeConcern(WriteConcern.MAJORITY);
        } else if (writeConcern.getWObject() == null) {
            // journal= or wtimeoutMS= without w=: still majority, not the server's default
            settings.writeConcern(writeConcern.withW("majority"));
        }
        if (connectionString.getReadConcern() == null) {
            settings.readConcern(ReadConcern.MAJORITY);
        }
        applyTimeouts(settings, timeout, socketTimeout);
        String databaseName = connectionString.getDatabase() != null ? connectionString.getDatabase() : database;
        log.info("Using MongoDB at {} (database '{}'), majority writes", redacted(connectionString), databaseName);
        return new MongoConnection(MongoClients.create(settings.build()), databaseName, null);
    }

    /**
     * Refuses write and read concerns below majority. A write acknowledged by the primary alone is rolled back when
     * that primary fails before replicating it, and a read below majority can return such a write: a reader of the
     * event log would then pass positions that no longer exist, or that a later write fills with other events, and
     * never read those. A number for {@code w} is refused too, since nothing here can tell whether it is a majority of
     * the replica set (and it stops being one when members are added); a named write concern (a tag set) is taken to
     * be at least a majority.
     */
    static void requireMajority(ConnectionString connectionString) {
        WriteConcern writeConcern = connectionString.getWriteConcern();
        if (writeConcern != null) {
            Object w = writeConcern.getWObject();
            if (w instanceof Integer number) {
                throw weak("w=" + number, "a write acknowledged by fewer than a majority can be rolled back");
            }
            if (Boolean.FALSE.equals(writeConcern.getJournal())) {
                throw weak("journal=false", "a write acknowledged before it is journaled can be lost");
            }
            if (w instanceof String tag && !tag.equals("majority")) {
                log.warn("MONGODB_URI asks for w={}: the event log takes it for at least a majority", tag);
            }
        }
        ReadConcern readConcern = connectionString.getReadConcern();
        if (readConcern != null
                && readConcern.getLevel() != null
                && (readConcern.getLevel() == ReadConcernLevel.LOCAL
                        || readConcern.getLevel() == ReadConcernLevel.AVAILABLE)) {
            throw weak(
                    "readConcernLevel=" + readConcern.getLevel().getValue(),
                    "a read below majority sees writes that can still be rolled back");
        }
    }

    private static IllegalStateException weak(String option, String why) {
        return new IllegalStateException("MONGODB_URI asks for " + option + ": refused, " + why + ", and a reader of"
                + " the event log that saw it would skip the events later stored at its positions. Remove the option"
                + " (majority is the default) or ask for w=majority and readConcernLevel=majority.");
    }

    /** A client for a server on this machine that the application started itself and closes with the connection. */
    public static MongoConnection embedded(
            String connectionString, String database, AutoCloseable server, Duration timeout, Duration socketTimeout) {
        MongoClientSettings.Builder settings =
                MongoClientSettings.builder().applyConnectionString(new ConnectionString(connectionString));
        applyTimeouts(settings, timeout, socketTimeout);
        return new MongoConnection(MongoClients.create(settings.build()), database, server);
    }

    /**
     * {@code newsroom.mongodb.timeout} bounds finding the server and connecting to it: a database that is down fails
     * a request within it. {@code newsroom.mongodb.socket-timeout} bounds waiting for an answer on an open connection:
     * without it (the driver's default) a request whose connection went silent (a partition, a stalled server) would
     * wait forever, and so would the HTTP request or the projection behind it.
     */
    private static void applyTimeouts(MongoClientSettings.Builder settings, Duration timeout, Duration socketTimeout) {
        long millis = timeout.toMillis();
        settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) millis, TimeUnit.MILLISECONDS)
                        .readTimeout((int) socketTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static String redacted(ConnectionString connectionString) {
        return String.join(",", connectionString.getHosts());
    }

    @Bean
    @ConditionalOnMissingBean
    MongoClient mongoClient(MongoConnection connection) {
        return connection.client();
    }

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoConnection connection) {
        return connection.database();
    }

    @Bean
    @ConditionalOnMissingBean
    BinaryStore binaryStore(MongoDatabase database) {
        return new BinaryStore(database);
    }

    @Bean
    AbstractHealthIndicator mongoHealthIndicator(MongoConnection connection) {
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Document answer = connection.database().runCommand(new Document("ping", 1));
                builder.up().withDetail("embedded", connection.isEmbedded()).withDetail("ping", answer.get("ok"));
            }
        };
    }

    /** The client, the database name and, for the embedded default, the server they talk to. */
    public record MongoConnection(
            MongoClient client,
            String databaseName,
            @Nullable AutoCloseable embeddedServer) implements AutoCloseable {

        public MongoDatabase database() {
            return client.getDatabase(databaseName);
        }

        public boolean isEmbedded() {
            return embeddedServer != null;
        }

        @Override
        public void close() {
            client.close();
            if (embeddedServer != null) {
                try {
                    embeddedServer.close();
                } catch (Exception e) {
                    log.warn("The embedded MongoDB-compatible server did not close cleanly", e);
                }
            }
        }
    }
}
