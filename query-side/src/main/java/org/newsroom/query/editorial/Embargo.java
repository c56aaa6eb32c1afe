package org.newsroom.query.editorial;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An article's embargo: no publication before {@code until}; set by {@code by}. */
public record Embargo(Instant until, @Nullable String by) {}
