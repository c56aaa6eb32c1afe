package org.newsroom.query.projection;

import java.time.Instant;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.jspecify.annotations.Nullable;

/**
 * What a projection needs to know about an event besides its payload: its global position, the article version it
 * made (sequence number + 1), when it was recorded, who did it and under which correlation id. A projection's event
 * handler takes it as a parameter ({@link EventContextParameterResolverFactory}).
 */
public record EventContext(
        long position,
        long version,
        Instant timestamp,
        @Nullable String actor,
        @Nullable String correlationId) {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";

    public static EventContext of(EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)) {
            throw new IllegalArgumentException("projections read article events only, not " + message.getPayloadType());
        }
        return new EventContext(
                positionOf(message),
                domainEvent.getSequenceNumber() + 1,
                message.getTimestamp(),
                text(message.getMetaData().get(ACTOR)),
                text(message.getMetaData().get(CORRELATION_ID)));
    }

    /** The global position of a tracked event; a replay token answers with its current position. */
    public static long positionOf(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = tracked.trackingToken();
            if (token != null && token.position().isPresent()) {
                return token.position().getAsLong();
            }
        }
        throw new IllegalArgumentException("event " + message.getIdentifier() + " has no global position");
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
