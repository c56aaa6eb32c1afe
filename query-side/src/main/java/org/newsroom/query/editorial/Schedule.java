package org.newsroom.query.editorial;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The publication scheduled for an article: when, with which change kind and note, by whom. */
public record Schedule(
        Instant at,
        @Nullable String changeKind,
        @Nullable String note,
        @Nullable String by) {}
