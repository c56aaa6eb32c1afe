/**
 * The public site read model: the live copy of every published article as an IPTC ninjs 3.1 document, served by
 * slug, and the list of published articles, newest first.
 */
@NullMarked
package org.newsroom.query.site;

import org.jspecify.annotations.NullMarked;
