/** The public site routes, open to everyone: {@code /site/articles} and {@code /site/articles/{slug}}. */
@NullMarked
package org.newsroom.query.site.web;

import org.jspecify.annotations.NullMarked;
