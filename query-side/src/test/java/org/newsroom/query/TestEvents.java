package org.newsroom.query;

import java.time.Instant;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.newsroom.article.ArticleEvent;
import org.newsroom.query.projection.EventContext;

/** Events as a processor hands them to handlers (tracked at a global position, with metadata), and their context. */
public final class TestEvents {

    public static final Instant NOON = Instant.parse("2026-03-14T12:00:00Z");

    private TestEvents() {}

    /** The context a projection handler is given for {@link #message} with the same arguments. */
    public static EventContext at(long position, long version, ArticleEvent event, String actor) {
        return EventContext.of(message(position, version, event, actor));
    }

    /** The {@code version}-th event of its article, at global {@code position}, {@code position} seconds after noon. */
    public static TrackedEventMessage<ArticleEvent> message(
            long position, long version, ArticleEvent event, String actor) {
        MetaData metaData = MetaData.with("correlationId", "correlation-" + position);
        if (actor != null) {
            metaData = metaData.and("actor", actor);
        }
        return new GenericTrackedDomainEventMessage<>(
                new GlobalSequenceTrackingToken(position),
                new GenericDomainEventMessage<>(
                        "Article",
                        event.articleId().value(),
                        version - 1,
                        event,
                        metaData,
                        "event-" + position,
                        NOON.plusSeconds(position)));
    }
}
