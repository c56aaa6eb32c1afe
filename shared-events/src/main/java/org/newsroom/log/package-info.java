/**
 * The public contract of the log's own events: the signed checkpoints the transparency log appends to the event log
 * (aggregate type {@code Log}, aggregate id the log's origin, sequence number the checkpoint's number).
 * <p>
 * Like the article events, stored checkpoints are read back by these classes forever: changes are additive only.
 */
@NullMarked
package org.newsroom.log;

import org.jspecify.annotations.NullMarked;
