package org.newsroom.query.audit;

import java.time.Instant;

import org.newsroom.query.article.ArticleState;

/** One article as the auditors' search lists it: its id, headline, state and version, and when it last changed. */
public record AuditedArticle(String id, String headline, ArticleState state, long version, Instant updatedAt) {}
