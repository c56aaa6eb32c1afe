package org.newsroom.query.projection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.query.*}: how projections process events, how instances share them, and how long a read waits for
 * its own write.
 *
 * @param batchSize          events per batch of a live processor, at most (one bulk write per collection per batch)
 * @param rebuildBatchSize   events per batch of a rebuild
 * @param waitTimeout        how long a read with {@code ?atLeast=} waits before answering 503
 * @param claimTimeout       after how long a silent instance's token claims, rebuild lease and heartbeat expire, so
 *                           that the others take its segments, its rebuild, and stop waiting for it; instances
 *                           heartbeat and extend their claims five times per timeout
 * @param tokenWriteInterval how often at most a live projection's token is written ({@link CoalescingTokenStore})
 * @param segments           segments of each live processor whose read model projects articles independently (the
 *                           site; the editorial and audit word indexes have one) when its tokens are first created (a store that already
 *                           has tokens keeps its segments); instances share them, one segment is processed by one
 *                           instance at a time, and one article's events always go to the same segment
 * @param maxWaits           {@code ?atLeast=} reads waiting at once on this instance, at most
 * @param maxWaitsPerClient  {@code ?atLeast=} reads waiting at once per remote address, at most
 * @param pollInterval       how often an instance looks in MongoDB for what other instances did: the log's head (so
 *                           that its processors see another instance's appends) and, while reads wait, the projected
 *                           positions
 */
@ConfigurationProperties("newsroom.query")
public record ProjectionSettings(
        @DefaultValue("500") int batchSize,
        @DefaultValue("500") int rebuildBatchSize,
        @DefaultValue("5s") Duration waitTimeout,
        @DefaultValue("5s") Duration claimTimeout,
        @DefaultValue("500ms") Duration tokenWriteInterval,
        @DefaultValue("2") int segments,
        @DefaultValue("1000") int maxWaits,
        @DefaultValue("10") int maxWaitsPerClient,
        @DefaultValue("25ms") Duration pollInterval) {

    public ProjectionSettings {
        if (segments < 1) {
            throw new IllegalArgumentException("newsroom.query.segments must be at least 1, not " + segments);
        }
        if (claimTimeout.toMillis() < 500) {
            throw new IllegalArgumentException("newsroom.query.claim-timeout must be at least 500ms");
        }
        if (maxWaits < 0 || maxWaitsPerClient < 0) {
            throw new IllegalArgumentException("newsroom.query.max-waits and max-waits-per-client cannot be negative");
        }
    }

    /** How often instances heartbeat, re-read the active versions and extend their claims: five times per timeout. */
    public Duration heartbeatInterval() {
        return claimTimeout.dividedBy(5);
    }
}
