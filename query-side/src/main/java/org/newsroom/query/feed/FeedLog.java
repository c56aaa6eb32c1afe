package org.newsroom.query.feed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.newsroom.eventlog.EventLogStorageEngine;

/**
 * Pages of the feed read straight from the event log: the log is ordered, gap-free and keyed by position, so the feed
 * needs no collection of its own and has no lag. A filtered read examines at most a bounded number of positions and
 * reports the last one examined, so that a reader pages on even when nothing matched.
 */
public class FeedLog {

    private final EventLogStorageEngine engine;
    private final ArticleCloudEvents envelopes;
    private final AtomicLong reads = new AtomicLong();

    public FeedLog(EventLogStorageEngine engine, ArticleCloudEvents envelopes) {
        this.engine = engine;
        this.envelopes = envelopes;
    }

    /**
     * Up to {@code limit} events after {@code after} that match {@code filter}, examining at most {@code scanLimit}
     * positions. Positions beyond {@code head} are not asked for.
     */
    public FeedPage read(long after, int limit, int scanLimit, FeedFilter filter, long head) {
        if (after >= head || limit <= 0) {
            return FeedPage.empty(after);
        }
        reads.incrementAndGet();
        List<FeedEvent> events = new ArrayList<>();
        long last = after;
        int examined = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream =
                engine.readEvents(new GlobalSequenceTrackingToken(after), false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (events.size() < limit && examined < scanLimit && iterator.hasNext()) {
                TrackedEventMessage<?> message = iterator.next();
                examined++;
                last = ArticleCloudEvents.positionOf(message);
                String subject =
                        message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
                if (filter.matches(envelopes.typeOf(message), subject)) {
                    events.add(envelopes.toFeedEvent(message));
                }
            }
        }
        return new FeedPage(events, last);
    }

    /** How many reads of the log this feed has made since start: a test hook and a metric. */
    public long reads() {
        return reads.get();
    }
}
