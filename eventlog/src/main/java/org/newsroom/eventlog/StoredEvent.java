package org.newsroom.eventlog;

import java.time.Instant;
import java.util.Date;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

import com.fasterxml.jackson.databind.JsonNode;

/** One stored event as Axon's serialized event data, handed to Jackson as a tree so it is parsed only once. */
record StoredEvent(
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        long position,
        String eventId,
        Instant timestamp,
        String payloadType,
        String revision,
        JsonNode payload,
        JsonNode metaData,
        String hash)
        implements DomainEventData<JsonNode>, TrackedEventData<JsonNode> {

    static StoredEvent from(String aggregateType, String aggregateId, Document event) {
        return new StoredEvent(
                aggregateType,
                aggregateId,
                event.get(EventFields.SEQ, Number.class).longValue(),
                event.get(EventFields.POSITION, Number.class).longValue(),
                event.getString(EventFields.EVENT_ID),
                event.get(EventFields.TIMESTAMP, Date.class).toInstant(),
                event.getString(EventFields.PAYLOAD_TYPE),
                event.getString(EventFields.REVISION),
                BsonJson.toJsonValue(event.get(EventFields.PAYLOAD)),
                BsonJson.toJsonValue(event.get(EventFields.META_DATA)),
                event.getString(EventFields.HASH));
    }

    @Override
    public String getType() {
        return aggregateType;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateId;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventId;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<JsonNode> getMetaData() {
        return new SimpleSerializedObject<>(metaData, JsonNode.class, MetaData.class.getName(), null);
    }

    @Override
    public SerializedObject<JsonNode> getPayload() {
        return new SimpleSerializedObject<>(payload, JsonNode.class, payloadType, revision);
    }

    @Override
    public TrackingToken trackingToken() {
        return new GlobalSequenceTrackingToken(position);
    }
}
