package org.newsroom.query.transparency;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.transparency.*}: the transparency log's identity, key and pace.
 *
 * @param origin             the log's identity: the first line of every checkpoint and the name of its signing key (a
 *                           schema-less URL without spaces or {@code +})
 * @param checkpointInterval how often at least a checkpoint is signed while the log grows (publications, corrections,
 *                           unpublications and kills are signed at once)
 * @param signingKeyFile     the Ed25519 private key: a PKCS#8 PEM, or a file of its 32 raw bytes; otherwise
 *                           {@code NEWSROOM_SIGNING_KEY}, or for the embedded default a key generated in the data
 *                           directory
 * @param verifierKeys       verifier keys of earlier signing keys ({@code <name>+<key id>+<base64 key>}), served
 *                           with the current one so that checkpoints signed before a rotation stay verifiable
 */
@ConfigurationProperties("newsroom.transparency")
public record TransparencySettings(
        @DefaultValue("newsroom.example/log") String origin,
        @DefaultValue("10s") Duration checkpointInterval,
        @Nullable String signingKeyFile,
        @DefaultValue List<String> verifierKeys) {}
