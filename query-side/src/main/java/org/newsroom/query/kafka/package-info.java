/**
 * Kafka, for integrators at scale: when {@code newsroom.kafka.bootstrap-servers} is set, every event of the feed is
 * published to a topic in position order, keyed by article, with the CloudEvents Kafka binding; the published position
 * is checkpointed in MongoDB so that a restart neither skips nor floods.
 */
@NullMarked
package org.newsroom.query.kafka;

import org.jspecify.annotations.NullMarked;
