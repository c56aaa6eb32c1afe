package org.newsroom.query.transparency;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.proof.CheckpointStore;
import org.newsroom.eventlog.proof.LogVerifier;
import org.newsroom.eventlog.proof.NoteSigner;
import org.newsroom.eventlog.proof.NoteVerifier;
import org.newsroom.eventlog.proof.SigningKeys;
import org.newsroom.eventlog.proof.TileStore;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;
import org.newsroom.query.projection.ProjectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.MongoDatabase;

/**
 * The transparency log's parts: the signing key (never from the database, see {@link SigningKeys}), the tiles and
 * checkpoints in MongoDB, and the signer: a pooled streaming processor ({@value #SIGNER}) of one segment whose tokens
 * live in the projections' MongoDB token store, so that its claim makes exactly one instance the signer.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransparencySettings.class)
class TransparencyConfiguration {

    static final String SIGNER = "transparency-signer";
    private static final Logger log = LoggerFactory.getLogger(TransparencyConfiguration.class);

    @Bean
    NoteSigner checkpointSigningKey(
            TransparencySettings settings,
            MongoConnection connection,
            @Value("${" + SigningKeys.ENVIRONMENT + ":}") String environmentKey,
            @Value("${newsroom.data-dir:${NEWSROOM_DATA_DIR:./data}}") Path dataDirectory,
            @Value("${newsroom.embedded.in-memory:false}") boolean inMemory) {
        SigningKeys.Loaded key = SigningKeys.load(
                settings.origin(),
                settings.signingKeyFile(),
                environmentKey,
                connection.isEmbedded(),
                inMemory ? null : dataDirectory);
        if (key.generated()) {
            log.info(
                    "Transparency log {}: no signing key configured, so one was {}; its verifier key is {}",
                    settings.origin(),
                    key.source(),
                    key.signer().verifier().vkey());
        } else {
            log.info(
                    "Transparency log {}: checkpoints are signed with the key from {}, verifier key {}",
                    settings.origin(),
                    key.source(),
                    key.signer().verifier().vkey());
        }
        return key.signer();
    }

    @Bean
    TileStore transparencyTiles(MongoDatabase database) {
        return new TileStore(database);
    }

    @Bean
    CheckpointStore transparencyCheckpoints(MongoDatabase database) {
        return new CheckpointStore(database);
    }

    @Bean
    LogVerifier logVerifier(
            TileStore transparencyTiles,
            CheckpointStore transparencyCheckpoints,
            EventLogStorageEngine engine,
            TransparencySettings settings,
            NoteSigner checkpointSigningKey) {
        return new LogVerifier(
                transparencyTiles,
                transparencyCheckpoints,
                engine,
                settings.origin(),
                verifierKeys(settings, checkpointSigningKey));
    }

    @Bean
    TransparencyLog transparencyLog(
            TileStore transparencyTiles,
            CheckpointStore transparencyCheckpoints,
            TransparencySettings settings,
            NoteSigner checkpointSigningKey) {
        return new TransparencyLog(
                transparencyTiles,
                transparencyCheckpoints,
                settings.origin(),
                verifierKeys(settings, checkpointSigningKey));
    }

    @Bean
    CheckpointSigner checkpointSigner(
            EventStore eventStore,
            EventLogStorageEngine engine,
            TileStore transparencyTiles,
            CheckpointStore transparencyCheckpoints,
            NoteSigner checkpointSigningKey,
            TransparencySettings settings,
            Clock clock) {
        return new CheckpointSigner(
                eventStore, engine, transparencyTiles, transparencyCheckpoints, checkpointSigningKey, settings, clock);
    }

    @Bean
    CheckpointSchedule checkpointSchedule(
            CheckpointSigner checkpointSigner, ObjectProvider<Configuration> axon, TransparencySettings settings) {
        return new CheckpointSchedule(checkpointSigner, axon, settings);
    }

    /**
     * The signer processor: one segment, starting at the log's head the first time, tokens in MongoDB. Its claim is
     * extended as often as the projections' (five times per {@code newsroom.query.claim-timeout}): Axon's default, once
     * every 5 s of a quiet log, would let the claim expire and move to another instance.
     */
    @Bean
    ConfigurerModule transparencySignerModule(
            TokenStore tokenStore, CheckpointSchedule checkpointSchedule, ProjectionSettings projections) {
        PublicChanges handlers = new PublicChanges(checkpointSchedule);
        long claimExtension = projections.heartbeatInterval().toMillis();
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessor(
                        SIGNER,
                        config -> config.eventStore(),
                        (config, builder) -> builder.initialSegmentCount(1)
                                .batchSize(100)
                                .initialToken(source -> source.createHeadToken())
                                .tokenClaimInterval(Duration.ofSeconds(1).toMillis())
                                .claimExtensionThreshold(claimExtension))
                .registerEventHandler(config -> handlers)
                .registerTokenStore(SIGNER, config -> tokenStore)
                .registerTransactionManager(SIGNER, config -> NoTransactionManager.instance());
    }

    /** The signing key's verifier first, then those of earlier keys; the origin must be a valid key name. */
    private static List<NoteVerifier> verifierKeys(TransparencySettings settings, NoteSigner signer) {
        List<NoteVerifier> keys = new ArrayList<>();
        keys.add(signer.verifier());
        for (String vkey : settings.verifierKeys()) {
            NoteVerifier earlier = NoteVerifier.parse(vkey);
            if (!keys.contains(earlier)) {
                keys.add(earlier);
            }
        }
        return keys;
    }
}
