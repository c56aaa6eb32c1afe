package org.newsroom.query.projection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.query.*}: how projections process events and how long a read waits for its own write.
 *
 * @param batchSize          events per batch of a live processor, at most (one bulk write per collection per batch)
 * @param rebuildBatchSize   events per batch of a rebuild
 * @param waitTimeout        how long a read with {@code ?atLeast=} waits before answering 503
 * @param claimTimeout       after how long a token claim of a silent instance may be taken over: the event log's token
 *                           store, shared by every processor, reads it unless {@code newsroom.eventlog.claim-timeout}
 *                           is set
 * @param tokenWriteInterval how often at most a live projection's token is written ({@link CoalescingTokenStore})
 */
@ConfigurationProperties("newsroom.query")
public record ProjectionSettings(
        @DefaultValue("500") int batchSize,
        @DefaultValue("500") int rebuildBatchSize,
        @DefaultValue("5s") Duration waitTimeout,
        @DefaultValue("10s") Duration claimTimeout,
        @DefaultValue("500ms") Duration tokenWriteInterval) {}
