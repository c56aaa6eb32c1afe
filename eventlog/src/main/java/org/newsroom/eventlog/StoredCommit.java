package org.newsroom.eventlog;

import java.util.List;

import org.bson.Document;

/** A commit document as read back: the events one unit of work appended for one aggregate. */
record StoredCommit(long firstPosition, String aggregateType, String aggregateId, List<Document> events) {

    @SuppressWarnings("unchecked")
    static StoredCommit from(Document document) {
        return new StoredCommit(
                document.get(EventFields.ID, Number.class).longValue(),
                document.getString(EventFields.AGGREGATE_TYPE),
                document.getString(EventFields.AGGREGATE_ID),
                (List<Document>) document.get(EventFields.EVENTS));
    }

    long lastPosition() {
        return firstPosition + events.size() - 1;
    }

    long firstSequenceNumber() {
        return events.get(0).get(EventFields.SEQ, Number.class).longValue();
    }

    long lastSequenceNumber() {
        return firstSequenceNumber() + events.size() - 1;
    }

    boolean containsPosition(long position) {
        return position >= firstPosition && position <= lastPosition();
    }

    StoredEvent event(int index) {
        return StoredEvent.from(aggregateType, aggregateId, events.get(index));
    }
}
