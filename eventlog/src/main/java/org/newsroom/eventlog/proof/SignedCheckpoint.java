package org.newsroom.eventlog.proof;

import java.time.Instant;
import java.util.Base64;

import org.bson.Document;

/**
 * A checkpoint the log signed: its number (the sequence number of its event in the log), the tree size and root it
 * states, when it was signed, and the signed note itself.
 */
public record SignedCheckpoint(long number, long size, String rootHash, Instant timestamp, String note) {

    /** The aggregate type of the log's own events: a checkpoint is appended as an event of it. */
    public static final String AGGREGATE_TYPE = "Log";
    /**
     * The payload type a checkpoint is stored with ({@code org.newsroom.log.CheckpointSigned} of the events'
     * contract, named here as the log stores it: the event log knows no event class).
     */
    public static final String EVENT_TYPE = "org.newsroom.log.CheckpointSigned";

    public byte[] rootHashBytes() {
        return Base64.getDecoder().decode(rootHash);
    }

    /** Whether a stored event is a signed checkpoint, by its aggregate type and payload type. */
    public static boolean isCheckpoint(String aggregateType, Document event) {
        return AGGREGATE_TYPE.equals(aggregateType) && EVENT_TYPE.equals(event.getString("payloadType"));
    }

    /** The checkpoint a stored checkpoint event holds, as its payload states it (its note not yet verified). */
    public static SignedCheckpoint fromEvent(long number, Document event) {
        Document payload = event.get("payload", Document.class);
        return new SignedCheckpoint(
                number,
                payload.get("size", Number.class).longValue(),
                payload.getString("rootHash"),
                Instant.parse(payload.getString("timestamp")),
                payload.getString("note"));
    }
}
