/**
 * Finding articles by their words and attributes: a word index kept by a read model's projection in its own
 * {@code search} collection, read by {@code _id} only. Shared by the read models that search, depending on none.
 */
@NullMarked
package org.newsroom.query.search;

import org.jspecify.annotations.NullMarked;
