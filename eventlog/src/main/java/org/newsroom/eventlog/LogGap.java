package org.newsroom.eventlog;

import java.time.Instant;

/**
 * The payload of a gap commit: a position of the log whose commit was lost for good (a restore that missed it, a
 * manual delete), filled by an operator with {@link EventLogStorageEngine#fillHole} so that readers go on past it.
 * Stored and hashed as an ordinary event of the aggregate {@code log-gap-<first position>}, of type
 * {@value EventLogStorageEngine#GAP_AGGREGATE_TYPE}; projections have no handler for it and pass it by.
 *
 * @param position the position this event fills
 * @param actor who filled it
 * @param reason why, as the operator gave it
 * @param filledAt when
 */
public record LogGap(long position, String actor, String reason, Instant filledAt) {}
