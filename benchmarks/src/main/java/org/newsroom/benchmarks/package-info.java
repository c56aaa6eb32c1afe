/** The benchmark suite: the event log, aggregate loads, codec micro-benchmarks and HTTP workloads on the real jar. */
@NullMarked
package org.newsroom.benchmarks;

import org.jspecify.annotations.NullMarked;
