package org.newsroom.query.audit;

/** Every event of an article, in order. */
public record FindAuditHistory(String articleId) {}
