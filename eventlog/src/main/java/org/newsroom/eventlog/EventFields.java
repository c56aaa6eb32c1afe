package org.newsroom.eventlog;

import org.newsroom.platform.idempotency.IdempotentRequest;

/**
 * Field names of the event log's documents. One document per commit, keyed by the global position of its first
 * event:
 * <pre>
 * { _id: 1041, commitId, aggregateType: "Article", aggregateId, seqKey: "&lt;aggregateId&gt;#&lt;first sequence number&gt;",
 *   events: [ { position: 1041, seq: 7, eventId, payloadType, revision, timestamp, payload: {…}, metaData: {…}, hash } ] }
 * </pre>
 * {@code _id} and {@code seqKey} are unique: the first makes global positions gap-free and single-owner, the second
 * lets exactly one of two concurrent appends to an aggregate win. A commit made for an idempotent HTTP request also
 * has {@code idempotentRequest} (the request's identity, from its events' metadata), unique where present: a request
 * is recorded at most once, and a retry that lost its first answer finds what it recorded.
 */
final class EventFields {

    static final String ID = "_id";
    static final String COMMIT_ID = "commitId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQ_KEY = "seqKey";
    static final String EVENTS = "events";
    static final String IDEMPOTENT_REQUEST = IdempotentRequest.METADATA;

    static final String POSITION = "position";
    static final String SEQ = "seq";
    static final String EVENT_ID = "eventId";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String REVISION = "revision";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String HASH = "hash";

    private EventFields() {}

    static String seqKey(String aggregateId, long sequenceNumber) {
        return aggregateId + "#" + sequenceNumber;
    }
}
