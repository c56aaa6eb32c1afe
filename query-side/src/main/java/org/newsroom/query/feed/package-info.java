/**
 * The integration feed: every event of the log as a CloudEvents 1.0 envelope, in global position order. The feed is a
 * view of the event log, not a copy: pages are read from the log by position, and one tailing reader fans the live
 * events out to every stream subscriber, webhook and the Kafka publisher.
 */
@NullMarked
package org.newsroom.query.feed;

import org.jspecify.annotations.NullMarked;
