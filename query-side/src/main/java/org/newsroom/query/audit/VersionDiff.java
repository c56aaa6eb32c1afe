package org.newsroom.query.audit;

import java.util.List;

/** The field-level changes between two versions of an article. */
public record VersionDiff(String articleId, long from, long to, List<FieldChange> changes) {}
