package org.newsroom.query.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.newsroom.article.ArticleEvent;
import org.newsroom.eventlog.LogGap;
import org.newsroom.log.CheckpointSigned;
import org.newsroom.media.MediaEvent;

import com.fasterxml.jackson.databind.JsonNode;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;

/**
 * Maps a stored event to its CloudEvents 1.0 envelope.
 * <ul>
 *   <li>{@code id}: the event's identifier in the log, so a redelivery carries the same id;</li>
 *   <li>{@code source}: {@code /articles}; {@code subject}: the article id;</li>
 *   <li>{@code type}: {@code news.article.<name>.v<revision>}, where {@code <name>} is the event's class name without
 *       a leading {@code Article}, in lower-case kebab form ({@code ArticlePublished} → {@code published},
 *       {@code PhotoAttached} → {@code photo-attached}, {@code ArticleSubmittedForReview} →
 *       {@code submitted-for-review}), and {@code <revision>} the class's {@code @Revision} (1 without one);</li>
 *   <li>{@code time}: when the event was recorded, to the millisecond; {@code datacontenttype}: application/json;</li>
 *   <li>{@code data}: the payload as stored, the JSON of the {@code shared-events} record;</li>
 *   <li>extensions {@code position} (global position) and {@code articleversion} (the article's version after this
 *       event: its sequence number + 1), CloudEvents Integers, so JSON numbers.</li>
 * </ul>
 * The log's own events have the source {@code /log}: its checkpoints ({@link CheckpointSigned}) the type
 * {@value #CHECKPOINT_TYPE} and the log's origin as subject, the gap commits an operator fills a lost position with
 * ({@link LogGap}) the type {@value #GAP_TYPE} and their aggregate ({@code log-gap-<position>}) as subject. The rule is
 * part of the public contract: a type, once published, never changes.
 */
public class ArticleCloudEvents {

    public static final URI SOURCE = URI.create("/articles");
    public static final String TYPE_PREFIX = "news.article.";
    public static final String CHECKPOINT_TYPE = "news.log.checkpoint.v1";
    public static final String GAP_TYPE = "news.log.gap.v1";
    private static final URI LOG_SOURCE = URI.create("/log");
    /** Uploads to the media library: source {@code /media}, subject the media id, type {@code news.media.uploaded.v1}. */
    public static final URI MEDIA_SOURCE = URI.create("/media");

    public static final String MEDIA_TYPE_PREFIX = "news.media.";

    private static final AnnotationRevisionResolver REVISIONS = new AnnotationRevisionResolver();
    private static final JsonFormat FORMAT = new JsonFormat();
    private static final Map<Class<?>, String> LOG_TYPES =
            Map.of(CheckpointSigned.class, CHECKPOINT_TYPE, LogGap.class, GAP_TYPE);
    private static final Set<String> KNOWN_TYPES = Stream.of(
                    Arrays.stream(ArticleEvent.class.getPermittedSubclasses()),
                    Arrays.stream(MediaEvent.class.getPermittedSubclasses()),
                    LOG_TYPES.keySet().stream())
            .flatMap(types -> types)
            .map(ArticleCloudEvents::typeOf)
            .collect(Collectors.toUnmodifiableSet());

    private final Serializer serializer;
    private final Map<Class<?>, String> types = new ConcurrentHashMap<>();

    public ArticleCloudEvents(Serializer serializer) {
        this.serializer = serializer;
    }

    /** The CloudEvent type of every event the Article aggregate records, and of the log's own events. */
    public static Set<String> knownTypes() {
        return KNOWN_TYPES;
    }

    /** The CloudEvent type of an event class. */
    public static String typeOf(Class<?> eventClass) {
        String logType = LOG_TYPES.get(eventClass);
        if (logType != null) {
            return logType;
        }
        String name = eventClass.getSimpleName();
        if (MediaEvent.class.isAssignableFrom(eventClass)) {
            String revision = REVISIONS.revisionOf(eventClass);
            return MEDIA_TYPE_PREFIX + kebab(name.substring("Media".length())) + ".v"
                    + (revision == null ? "1" : revision);
        }
        if (name.startsWith("Article")
                && name.length() > "Article".length()
                && Character.isUpperCase(name.charAt("Article".length()))) {
            name = name.substring("Article".length());
        }
        String revision = REVISIONS.revisionOf(eventClass);
        return TYPE_PREFIX + kebab(name) + ".v" + (revision == null ? "1" : revision);
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The CloudEvent type of a stored event, without reading its payload. */
    public String typeOf(TrackedEventMessage<?> message) {
        return types.computeIfAbsent(message.getPayloadType(), ArticleCloudEvents::typeOf);
    }

    private static URI source(Class<?> payloadType) {
        if (LOG_TYPES.containsKey(payloadType)) {
            return LOG_SOURCE;
        }
        return MediaEvent.class.isAssignableFrom(payloadType) ? MEDIA_SOURCE : SOURCE;
    }

    public static long positionOf(TrackedEventMessage<?> message) {
        if (message.trackingToken() instanceof GlobalSequenceTrackingToken token) {
            return token.getGlobalIndex();
        }
        throw new IllegalArgumentException("events of the log carry global positions, not " + message.trackingToken());
    }

    /**
     * A CloudEvents Integer (a JSON number) while the value fits its 32 bits; past that the type system has no integer
     * and the SDK writes the value as a string.
     */
    private static Number integer(long value) {
        if (value <= Integer.MAX_VALUE) {
            return Integer.valueOf((int) value);
        }
        return Long.valueOf(value);
    }

    public FeedEvent toFeedEvent(TrackedEventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)) {
            throw new IllegalArgumentException("the log holds aggregate events only, not " + message.getPayloadType());
        }
        long position = positionOf(message);
        JsonNode payload = message.serializePayload(serializer, JsonNode.class).getData();
        Instant time = message.getTimestamp().truncatedTo(ChronoUnit.MILLIS);
        CloudEvent event = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withSource(source(message.getPayloadType()))
                .withType(typeOf(message))
                .withSubject(domainEvent.getAggregateIdentifier())
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withData("application/json", JsonCloudEventData.wrap(payload))
                .withExtension("position", integer(position))
                .withExtension("articleversion", integer(domainEvent.getSequenceNumber() + 1))
                .build();
        Object actor = message.getMetaData().get("actor");
        return new FeedEvent(
                position,
                event,
                new String(FORMAT.serialize(event), StandardCharsets.UTF_8),
                FeedEvent.summaryOf(event, actor instanceof String name ? name : null));
    }
}
