package org.newsroom.query.projection;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs the failures of a step that is retried every few milliseconds (MongoDB unreachable, say) as a warning at most
 * every {@value #EVERY_SECONDS} s, and at debug level in between.
 */
final class FailureLog {

    private static final long EVERY_SECONDS = 30;

    private final Logger log;
    private final String step;
    private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - EVERY_SECONDS * 1_000_000_000L);

    FailureLog(Logger log, String step) {
        this.log = log;
        this.step = step;
    }

    void failed(RuntimeException e) {
        long now = System.nanoTime();
        long last = lastWarned.get();
        if (now - last >= EVERY_SECONDS * 1_000_000_000L && lastWarned.compareAndSet(last, now)) {
            log.warn("{} failed, trying again (said at most every {} s): {}", step, EVERY_SECONDS, e.toString());
        } else {
            log.debug("{} failed, trying again: {}", step, e.toString());
        }
    }
}
