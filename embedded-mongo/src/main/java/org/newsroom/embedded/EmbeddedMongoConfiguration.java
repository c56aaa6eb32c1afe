package org.newsroom.embedded;

import java.nio.file.Path;
import java.time.Duration;

import org.newsroom.platform.mongo.MongoConfiguration;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: without {@code MONGODB_URI} (or {@code newsroom.mongodb.uri}), an in-process
 * MongoDB-compatible server keeps the data in {@code NEWSROOM_DATA_DIR} (or {@code newsroom.data-dir}, default
 * {@code ./data}), and the application reaches it through the real driver over loopback TCP.
 */
@AutoConfiguration(before = MongoConfiguration.class)
@Conditional(EmbeddedMongoConfiguration.NoMongoUri.class)
public class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MongoConnection mongoConnection(
            @Value("${newsroom.mongodb.database:newsroom}") String database,
            @Value("${newsroom.data-dir:${NEWSROOM_DATA_DIR:./data}}") Path dataDir,
            @Value("${newsroom.embedded.in-memory:false}") boolean inMemory,
            @Value("${newsroom.mongodb.timeout:3s}") Duration timeout,
            @Value("${newsroom.mongodb.socket-timeout:10s}") Duration socketTimeout) {
        EmbeddedMongoServer server =
                inMemory ? EmbeddedMongoServer.startInMemory() : EmbeddedMongoServer.start(dataDir);
        if (inMemory) {
            log.info(
                    "No MONGODB_URI: embedded MongoDB (mongo-java-server, in memory) at {}; nothing is kept",
                    server.connectionString());
        } else {
            log.info(
                    "No MONGODB_URI: embedded MongoDB (mongo-java-server, H2 file) at {}, data in {}",
                    server.connectionString(),
                    server.dataFile());
        }
        return MongoConfiguration.embedded(server.connectionString(), database, server, timeout, socketTimeout);
    }

    /** Matches when neither {@code newsroom.mongodb.uri} nor {@code MONGODB_URI} names a MongoDB. */
    static final class NoMongoUri implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment()
                    .getProperty(
                            "newsroom.mongodb.uri", context.getEnvironment().getProperty("MONGODB_URI", ""));
            return uri.isBlank();
        }
    }
}
