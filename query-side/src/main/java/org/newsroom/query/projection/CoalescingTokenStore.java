package org.newsroom.query.projection;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

/**
 * The projections' token store, writing a processor's token at most once per {@code interval} instead of after every
 * batch: on the embedded server each token write is a durable commit of its own, as many as the batches' own writes.
 * <p>
 * A token that is not written yet is written with the next batch after the interval, when the processor extends its
 * claim while idle, and before its claim is released or its token fetched. A crash in between replays the batches
 * since the last written token; projections are idempotent (every document remembers the position of the last event
 * applied), so a replay changes nothing, and read-your-writes follows the projections' writes, not their tokens.
 */
final class CoalescingTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final Duration interval;
    private final Clock clock;
    /**
     * Tokens of the segments this instance holds, not written yet: another instance can only claim such a segment
     * after this one released it (the token is written first) or after its claim expired (a replay from the last
     * written token, which the position guard of every read-model write makes harmless).
     */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(TrackingToken token, long writtenAtMillis) {}

    CoalescingTokenStore(TokenStore delegate, Duration interval, Clock clock) {
        this.delegate = delegate;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        String key = key(processorName, segment);
        long now = clock.millis();
        Pending last = pending.get(key);
        if (last != null && now - last.writtenAtMillis() < interval.toMillis()) {
            pending.put(key, new Pending(token, last.writtenAtMillis()));
            return;
        }
        delegate.storeToken(token, processorName, segment);
        pending.put(key, new Pending(null, now));
    }

    /** Writes the token not yet written, if any. */
    private void flush(String processorName, int segment) {
        String key = key(processorName, segment);
        Pending last = pending.get(key);
        if (last != null && last.token() != null) {
            delegate.storeToken(last.token(), processorName, segment);
            pending.put(key, new Pending(null, clock.millis()));
        }
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        Pending last = pending.get(key(processorName, segment));
        if (last != null && last.token() != null) {
            flush(processorName, segment);
        } else {
            delegate.extendClaim(processorName, segment);
        }
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        try {
            flush(processorName, segment);
        } finally {
            pending.remove(key(processorName, segment));
            delegate.releaseClaim(processorName, segment);
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        flush(processorName, segment);
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        flush(processorName, segment.getSegmentId());
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        pending.remove(key(processorName, segment));
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }

    private static String key(String processorName, int segment) {
        return processorName + "#" + segment;
    }
}
