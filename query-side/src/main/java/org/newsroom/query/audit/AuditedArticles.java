package org.newsroom.query.audit;

import java.util.List;

/** A page of the auditors' search and how many articles match in all. */
public record AuditedArticles(List<AuditedArticle> items, int page, int size, long total) {}
