package org.newsroom.eventlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holes in the log as this instance's tracking readers find them: a position missing while a later one is taken.
 * Positions are taken in order, so such a position is either a commit still on its way (it turns up within moments)
 * or a hole that stops every reader there for good (a restore that missed a commit, a manual delete). One missing for
 * longer than {@code newsroom.eventlog.hole-timeout} is a hole: logged as an ERROR at most once a minute, and reported
 * by the {@code eventLog} health indicator and the {@code newsroom_eventlog_hole_position} gauge.
 * <p>
 * Kept in this instance's memory only, on purpose: every instance's readers stop at the same hole and find it by
 * themselves, and what is reported (a log line, this instance's health) is about this instance's readers.
 */
final class LogHoles {

    private static final Logger log = LoggerFactory.getLogger(LogHoles.class);
    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    /** A position missing for longer than the timeout while a later one is taken, and since when it is missing. */
    record Hole(long position, Instant since) {}

    private final Clock clock;
    private final Duration timeout;
    /** Missing positions with a later one taken, and when first seen so. */
    private final Map<Long, Instant> missing = new ConcurrentSkipListMap<>();
    /** Positions where a reader found nothing at all, and when it last looked further ahead (or first stopped). */
    private final Map<Long, Instant> stuck = new ConcurrentSkipListMap<>();

    private volatile Instant lastLogged = Instant.EPOCH;

    LogHoles(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A reader stopped at {@code position}, which is missing although a later position is taken. */
    void missing(long position) {
        missing.putIfAbsent(position, clock.instant());
        reportIfDue();
    }

    /**
     * A reader found nothing at {@code position} (nor later in its window): the end of the log, or a hole the window
     * was too short to see past. True once per timeout while readers stay there: time to look further ahead.
     */
    boolean probeDue(long position) {
        if (missing.containsKey(position)) {
            reportIfDue();
            return false;
        }
        Instant now = clock.instant();
        Instant lastLook = stuck.putIfAbsent(position, now);
        if (lastLook == null || Duration.between(lastLook, now).compareTo(timeout) < 0) {
            return false;
        }
        stuck.put(position, now);
        return true;
    }

    /** A reader got every position up to {@code position}: nothing at or below it is missing. */
    void readUpTo(long position) {
        clearUpTo(missing, position);
        clearUpTo(stuck, position);
    }

    /** The lowest hole, if any position has been missing for longer than the timeout. */
    Optional<Hole> current() {
        Instant now = clock.instant();
        return missing.entrySet().stream()
                .filter(entry -> Duration.between(entry.getValue(), now).compareTo(timeout) >= 0)
                .findFirst()
                .map(entry -> new Hole(entry.getKey(), entry.getValue()));
    }

    private void reportIfDue() {
        Optional<Hole> hole = current();
        Instant now = clock.instant();
        if (hole.isEmpty() || Duration.between(lastLogged, now).compareTo(LOG_INTERVAL) < 0) {
            return;
        }
        lastLogged = now;
        log.error(
                "Event log: position {} has been missing since {} while later positions are taken; every reader"
                        + " (projections, feed, webhooks) stops there. If its commit is lost for good, fill the"
                        + " position with a gap commit: see docs/operations.md, \"Repairing a hole in the log\".",
                hole.get().position(),
                hole.get().since());
    }

    private static void clearUpTo(Map<Long, ?> positions, long position) {
        ((ConcurrentSkipListMap<Long, ?>) positions).headMap(position, true).clear();
    }
}
