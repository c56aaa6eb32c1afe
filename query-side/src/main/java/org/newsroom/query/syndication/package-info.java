/** The syndication feed for partners: what the public may read, as CloudEvents, by position. */
@org.jspecify.annotations.NullMarked
package org.newsroom.query.syndication;
