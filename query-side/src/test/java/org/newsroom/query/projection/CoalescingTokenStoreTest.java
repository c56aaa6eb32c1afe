package org.newsroom.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroom.query.InMemoryMongo;
import org.newsroom.testing.MutableClock;

/**
 * Tokens are written at most once per interval, never lost when the claim is extended, released or fetched, and never
 * ahead of what the batches wrote.
 */
class CoalescingTokenStoreTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private static final String PROCESSOR = "site";

    private final AtomicInteger writes = new AtomicInteger();
    private final InMemoryTokenStore stored = new InMemoryTokenStore() {
        @Override
        public void storeToken(TrackingToken token, String processorName, int segment) {
            writes.incrementAndGet();
            super.storeToken(token, processorName, segment);
        }
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final CoalescingTokenStore tokens = new CoalescingTokenStore(stored, Duration.ofMillis(500), clock);

    @Test
    void writesAtMostOncePerIntervalAndFlushesBeforeTheClaimIsExtendedOrReleased() {
        tokens.initializeTokenSegments(PROCESSOR, 1);
        tokens.fetchToken(PROCESSOR, 0);

        tokens.storeToken(position(10), PROCESSOR, 0);
        later(100);
        tokens.storeToken(position(20), PROCESSOR, 0);
        tokens.storeToken(position(30), PROCESSOR, 0);
        assertThat(writes).hasValue(1);
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(position(10));

        later(500);
        tokens.storeToken(position(40), PROCESSOR, 0);
        assertThat(writes).hasValue(2);
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(position(40));

        later(10);
        tokens.storeToken(position(50), PROCESSOR, 0);
        tokens.extendClaim(PROCESSOR, 0);
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(position(50));

        later(10);
        tokens.storeToken(position(60), PROCESSOR, 0);
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(position(60));

        later(10);
        tokens.storeToken(position(70), PROCESSOR, 0);
        tokens.releaseClaim(PROCESSOR, 0);
        assertThat(stored.fetchToken(PROCESSOR, 0)).isEqualTo(position(70));
    }

    /**
     * A real pooled processor with two segments writes one document per article through a projection writer; every
     * time a token reaches the store, every event of its segment up to the token must be in MongoDB already.
     */
    @Test
    void aStoredTokenIsNeverAheadOfWhatItsSegmentWrote() throws Exception {
        ProjectionCollections target = new ProjectionCollections("tokens", 1, MONGO.freshDatabase());
        EmbeddedEventStore log = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        List<Segment> segments = Segment.splitBalanced(Segment.ROOT_SEGMENT, 1);
        Map<Long, String> published = new ConcurrentHashMap<>();
        List<String> ahead = new CopyOnWriteArrayList<>();
        AtomicInteger checked = new AtomicInteger();
        TokenStore checking = new InMemoryTokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                long upTo = token.position().orElse(-1);
                published.forEach((position, article) -> {
                    if (position <= upTo && segments.get(segment).matches(article)) {
                        Document stored = target.collection("docs")
                                .find(new Document("_id", article))
                                .first();
                        if (stored == null || stored.getLong("lastPosition") < position) {
                            ahead.add("segment " + segment + " token " + upTo + " before " + article + "@" + position);
                        }
                    }
                });
                checked.incrementAndGet();
                super.storeToken(token, processorName, segment);
            }
        };
        ProjectionWriter writer = new ProjectionWriter("tokens", () -> target, position -> {});
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("tokens")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new Object() {
                            @EventHandler
                            void on(String revision, EventContext context, DomainEventMessage<?> event) {
                                writer.change(batch -> batch.put(
                                        "docs",
                                        new Document("_id", event.getAggregateIdentifier())
                                                .append("lastPosition", context.position())
                                                .append("revision", revision)));
                            }
                        })
                        .build())
                .messageSource(log)
                .tokenStore(new CoalescingTokenStore(checking, Duration.ofMillis(20), Clock.systemUTC()))
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(2)
                .batchSize(7)
                .claimExtensionThreshold(50)
                .build();
        processor.registerHandlerInterceptor(writer.interceptor());
        processor.start();
        try {
            for (int i = 0; i < 300; i++) {
                String article = "article-" + (i % 13);
                long sequence = i / 13;
                log.publish(new GenericDomainEventMessage<>("Article", article, sequence, "revision " + i));
                published.put((long) i, article);
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> target.collection("docs").countDocuments() == 13
                            && processor.processingStatus().values().stream()
                                    .allMatch(status ->
                                            status.getCurrentPosition().orElse(-1) >= 299));
        } finally {
            processor.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
        assertThat(checked).hasPositiveValue();
        assertThat(ahead).isEmpty();
    }

    private void later(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }

    private static TrackingToken position(long position) {
        return new GlobalSequenceTrackingToken(position);
    }
}
