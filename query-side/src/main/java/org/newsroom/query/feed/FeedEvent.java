package org.newsroom.query.feed;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.cloudevents.CloudEvent;

/**
 * One event of the log as the feed publishes it: its CloudEvent and that envelope's JSON (structured mode), made once
 * so that the page, the stream, the webhooks and Kafka all carry exactly the same bytes.
 *
 * @param position the event's global position in the log, also the CloudEvent extension {@code position}
 * @param json     the CloudEvent as one line of JSON
 */
@JsonSerialize(using = FeedEvent.AsCloudEvent.class)
public record FeedEvent(long position, CloudEvent cloudEvent, String json) {

    public String id() {
        return cloudEvent.getId();
    }

    public String type() {
        return cloudEvent.getType();
    }

    /** The article id. */
    public String subject() {
        return cloudEvent.getSubject();
    }

    /** Writes the envelope's JSON as it is, so every representation of an event is byte for byte the same. */
    public static final class AsCloudEvent extends StdSerializer<FeedEvent> {

        public AsCloudEvent() {
            super(FeedEvent.class);
        }

        @Override
        public void serialize(FeedEvent event, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeRawValue(event.json());
        }
    }
}
