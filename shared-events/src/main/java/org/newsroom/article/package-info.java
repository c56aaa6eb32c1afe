/**
 * The public event contract of Newsroom: every event the Article aggregate records, and the value types they carry.
 * <p>
 * Stored events are read back by these classes forever, so changes are additive only; anything else is a new
 * {@code @Revision} plus an upcaster. The golden files in this module's tests pin the JSON form.
 */
@NullMarked
package org.newsroom.article;

import org.jspecify.annotations.NullMarked;
