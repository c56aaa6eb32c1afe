package org.newsroom.query.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;

/**
 * One event of the log as the feed publishes it: its CloudEvent and that envelope's JSON (structured mode), made once
 * so that the page, the stream, the webhooks and Kafka all carry exactly the same bytes; and its summary, what the
 * live stream tells the roles of the web UI, who may not read every payload (internal kill reasons, desk notes,
 * superseded texts).
 *
 * @param position the event's global position in the log, also the CloudEvent extension {@code position}
 * @param json     the CloudEvent as one line of JSON
 * @param summary  the same CloudEvent without {@code data}, with the extension {@code actor} (who recorded it, when
 *                 known): ids, type, time, position and version, enough to know which screen to refresh
 */
@JsonSerialize(using = FeedEvent.AsCloudEvent.class)
public record FeedEvent(long position, CloudEvent cloudEvent, String json, String summary) {

    private static final JsonFormat FORMAT = new JsonFormat();

    /** An event whose summary names no actor. */
    public FeedEvent(long position, CloudEvent cloudEvent, String json) {
        this(position, cloudEvent, json, summaryOf(cloudEvent, null));
    }

    /** The envelope without its data, with {@code actor} when known: one line of JSON. */
    public static String summaryOf(CloudEvent event, @Nullable String actor) {
        CloudEventBuilder summary = CloudEventBuilder.v1(event).withoutData().withoutDataContentType();
        if (actor != null) {
            summary.withExtension("actor", actor);
        }
        return new String(FORMAT.serialize(summary.build()), StandardCharsets.UTF_8);
    }

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
