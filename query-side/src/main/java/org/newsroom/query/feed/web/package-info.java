/** The feed's HTTP routes: {@code GET /feed/events} (pages, long polls) and {@code GET /feed/stream} (Server-Sent Events). */
@NullMarked
package org.newsroom.query.feed.web;

import org.jspecify.annotations.NullMarked;
