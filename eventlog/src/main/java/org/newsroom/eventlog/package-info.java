/**
 * The event log: Axon's event storage on the MongoDB driver, with gap-free global positions and a per-aggregate
 * hash chain. The only source of truth; everything else is rebuilt from it.
 */
@NullMarked
package org.newsroom.eventlog;

import org.jspecify.annotations.NullMarked;
