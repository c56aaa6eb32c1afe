/**
 * Kafka, for integrators at scale: when {@code newsroom.kafka.bootstrap-servers} is set, every event of the log is
 * published to a topic in position order, keyed by article, with the CloudEvents Kafka binding, by one instance at a
 * time: an Axon processor whose token in MongoDB says how far publishing got and whose claim says who publishes.
 */
@NullMarked
package org.newsroom.query.kafka;

import org.jspecify.annotations.NullMarked;
