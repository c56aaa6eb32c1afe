package org.newsroom.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * One event of an article as the audit trail records it: where it is in the log, the version it made, what kind of
 * event it is, who recorded it (null when no actor was recorded), when, under which correlation id, and what
 * changed.
 */
public record AuditEntry(
        String articleId,
        long position,
        long version,
        String type,
        String actor,
        Instant timestamp,
        String correlationId,
        List<FieldChange> changes) {

    public AuditEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    static String key(String articleId, long version) {
        return articleId + "/" + version;
    }
}
