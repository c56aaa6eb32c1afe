package org.newsroom.query.audit;

import java.util.List;

/** Every recorded event of an article, oldest first. */
public record AuditHistory(String articleId, List<AuditEntry> entries) {}
