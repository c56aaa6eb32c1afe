/**
 * Webhooks: each subscription delivers the feed's CloudEvents to one URL, in position order, signed as Standard
 * Webhooks, following its own cursor in the event log. Delivery never depends on a projection, so rebuilding one sends
 * nothing again; a failing endpoint is retried with backoff, then paused, never silently skipped.
 */
@NullMarked
package org.newsroom.query.webhooks;

import org.jspecify.annotations.NullMarked;
