package org.newsroom.query.audit;

/** Recompute the hash chain of an article's stored events. */
public record VerifyIntegrity(String articleId) {}
