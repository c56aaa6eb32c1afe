package org.newsroom.query.audit;

import java.time.Instant;

import org.newsroom.article.ArticleContent;

/** The publication readers saw at a given version: its number, when it went live and exactly what went live. */
public record LivePublication(
        int publicationNumber,
        long version,
        Instant publishedAt,
        String changeKind,
        String note,
        ArticleContent content) {}
