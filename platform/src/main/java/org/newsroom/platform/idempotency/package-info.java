/**
 * {@code Idempotency-Key} for every write route of either side: the first answer to a (user, key) is stored in
 * MongoDB for 24 hours and returned again for a retry with the same request; a different request under the same key
 * is refused. A servlet filter, so that it sees the whole answer, problem answers included.
 */
@NullMarked
package org.newsroom.platform.idempotency;

import org.jspecify.annotations.NullMarked;
