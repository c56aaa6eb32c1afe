/**
 * What every read model shares: Axon pooled streaming processors over the event log, batched and idempotent writes
 * to versioned MongoDB collections, the processed position of each projection (for read-your-writes and lag),
 * rebuilds, dead letters and the operations endpoint.
 */
@NullMarked
package org.newsroom.query.projection;

import org.jspecify.annotations.NullMarked;
