/** The syndication feed's HTTP route. */
@org.jspecify.annotations.NullMarked
package org.newsroom.query.syndication.web;
