/** The editorial routes, for the desk: work lists under {@code /api/articles} and working copies by id, with ETags. */
@NullMarked
package org.newsroom.query.editorial.web;

import org.jspecify.annotations.NullMarked;
