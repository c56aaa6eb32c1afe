package org.newsroom.eventlog;

import java.time.Duration;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

/**
 * The one token store of every streaming processor of the application, on both sides: Axon's MongoDB token store in
 * {@value #TOKENS}, whose claims make one instance at a time process a segment. A claim not extended for
 * {@code newsroom.eventlog.claim-timeout} (by default {@code newsroom.query.claim-timeout}, 5 s) may be taken over.
 * Claims are made in the name of this application instance ({@link InstanceId}), not of its JVM (Axon's default), so
 * that two instances in one JVM never share one. The collection names are those the projections have always used.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class, after = EventLogConfiguration.class)
public class TokenStoreConfiguration {

    /** Tracking tokens and their claims, one document per processor and segment. */
    public static final String TOKENS = "projection_tokens";

    /** Events a processor parked, as Axon's dead-letter queue keeps them. */
    public static final String DEAD_LETTERS = "projection_dead_letters";

    /** Axon's MongoDB collections: tokens and dead letters. */
    @Bean
    @ConditionalOnMissingBean
    MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(database)
                .trackingTokensCollectionName(TOKENS)
                .deadLetterCollectionName(DEAD_LETTERS)
                .build();
    }

    /** This instance's name: {@code newsroom.instance-id}, or one unique per start. */
    @Bean
    @ConditionalOnMissingBean
    InstanceId instanceId(@Value("${newsroom.instance-id:${newsroom.query.instance-id:}}") String configured) {
        return InstanceId.configuredOr(configured);
    }

    @Bean
    @ConditionalOnMissingBean
    TokenStore tokenStore(
            MongoTemplate axonMongoTemplate,
            Serializer serializer,
            InstanceId instanceId,
            @Value("${newsroom.eventlog.claim-timeout:${newsroom.query.claim-timeout:5s}}") Duration claimTimeout) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(instanceId.value())
                .transactionManager(NoTransactionManager.instance())
                .build();
    }
}
