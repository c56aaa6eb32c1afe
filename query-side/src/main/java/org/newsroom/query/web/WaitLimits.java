package org.newsroom.query.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many {@code ?atLeast=} reads may wait at once on this instance: at most {@code total}, and at most
 * {@code perClient} per remote address. Counted in memory: they bound what this instance holds for its own requests,
 * which no other instance needs to know.
 */
final class WaitLimits {

    private final int total;
    private final int perClient;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Map<String, AtomicInteger> byClient = new ConcurrentHashMap<>();

    WaitLimits(int total, int perClient) {
        this.total = total;
        this.perClient = perClient;
    }

    /** Takes a place for {@code client}; false if the client or the instance has none left. */
    boolean acquire(String client) {
        if (waiting.incrementAndGet() > total) {
            waiting.decrementAndGet();
            return false;
        }
        AtomicInteger mine = byClient.computeIfAbsent(client, key -> new AtomicInteger());
        if (mine.incrementAndGet() > perClient) {
            mine.decrementAndGet();
            waiting.decrementAndGet();
            return false;
        }
        return true;
    }

    void release(String client) {
        waiting.decrementAndGet();
        byClient.computeIfPresent(client, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    int total() {
        return total;
    }

    int perClient() {
        return perClient;
    }

    /** Reads waiting now. */
    int waiting() {
        return waiting.get();
    }
}
