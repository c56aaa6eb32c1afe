package org.newsroom.command.schedule;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * One document of {@value PublicationSchedules#COLLECTION}: the schedule pending for an article ({@code _id}), due
 * {@code at}, set by {@code by}, recorded at log position {@code lastPosition}; {@code retryAt} once a firing was
 * refused.
 */
record PendingPublication(
        String articleId,
        String scheduleId,
        Instant at,
        @Nullable String by,
        long lastPosition,
        @Nullable Instant retryAt) {

    static final String ID = "_id";
    static final String SCHEDULE_ID = "scheduleId";
    static final String LAST_POSITION = "lastPosition";
    static final String RETRY_AT = "retryAt";

    Document toDocument() {
        Document document = new Document(ID, articleId)
                .append(SCHEDULE_ID, scheduleId)
                .append("at", Date.from(at))
                .append("by", by)
                .append(LAST_POSITION, lastPosition);
        if (retryAt != null) {
            document.append(RETRY_AT, Date.from(retryAt));
        }
        return document;
    }

    static PendingPublication of(Document document) {
        Date retryAt = document.getDate(RETRY_AT);
        return new PendingPublication(
                document.getString(ID),
                document.getString(SCHEDULE_ID),
                document.getDate("at").toInstant(),
                document.getString("by"),
                document.get(LAST_POSITION, Number.class).longValue(),
                retryAt == null ? null : retryAt.toInstant());
    }

    /** Whether it should be fired at {@code now}: due, and not waiting to be tried again. */
    boolean dueAt(Instant now) {
        return !at.isAfter(now) && (retryAt == null || !retryAt.isAfter(now));
    }
}
