package org.newsroom.query.article;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleContent;

/** The publication readers saw at a given version: its number, when it went live and exactly what went live. */
public record LivePublication(
        int publicationNumber,
        long version,
        Instant publishedAt,
        @Nullable String changeKind,
        @Nullable String note,
        ArticleContent content) {}
