/** The editorial read model: every article's working copy and state, for editing screens and work lists. */
@NullMarked
package org.newsroom.query.editorial;

import org.jspecify.annotations.NullMarked;
