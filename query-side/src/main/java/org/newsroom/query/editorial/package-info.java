/** The editorial read model: every article's working copy and state, for editing screens and work lists. */
package org.newsroom.query.editorial;
