package org.newsroom.query.syndication;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.ChangeKind;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.query.feed.ArticleCloudEvents;
import org.newsroom.query.feed.FeedEvent;
import org.newsroom.query.feed.FeedPage;
import org.newsroom.query.site.NinjsDocuments;
import org.newsroom.query.site.PublicNote;
import org.newsroom.query.site.SiteSettings;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;

/**
 * The feed partners republish from: read straight from the event log like the integration feed, by position, but
 * carrying only what the public may read. A publication is its ninjs as the site serves it ({@value #PUBLISHED}, or
 * {@value #CORRECTED} for a correction or clarification, whose public note is among the ninjs descriptions); taking an
 * article off the site is {@value #UNPUBLISHED} with its public uri only; a kill is {@value #KILLED} with the public
 * notice. Drafts, revisions, reviews, comments, schedules, agency provenance, internal reasons and actors never appear:
 * every other event is skipped (its position is passed, so a partner pages on without gaps).
 */
public class SyndicationFeed {

    public static final String PUBLISHED = "news.syndication.published.v1";
    public static final String CORRECTED = "news.syndication.corrected.v1";
    public static final String UNPUBLISHED = "news.syndication.unpublished.v1";
    public static final String KILLED = "news.syndication.killed.v1";
    public static final Set<String> TYPES = Set.of(PUBLISHED, CORRECTED, UNPUBLISHED, KILLED);

    static final URI SOURCE = URI.create("/syndication");
    private static final JsonFormat FORMAT = new JsonFormat();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<Class<?>> PUBLIC =
            Set.of(ArticlePublished.class, ArticleUnpublished.class, ArticleKilled.class);

    private final EventLogStorageEngine engine;
    private final NinjsDocuments ninjs;
    private final SiteSettings site;

    public SyndicationFeed(EventLogStorageEngine engine, SiteSettings site) {
        this.engine = engine;
        this.ninjs = new NinjsDocuments(site);
        this.site = site;
    }

    /** Up to {@code limit} public events after {@code after}, examining at most {@code scanLimit} positions. */
    public FeedPage read(long after, int limit, int scanLimit) {
        long head = engine.headPosition();
        if (after >= head) {
            return FeedPage.empty(after);
        }
        List<FeedEvent> events = new ArrayList<>();
        long last = after;
        int examined = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream =
                engine.readEvents(new GlobalSequenceTrackingToken(after), false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (events.size() < limit && examined < scanLimit && last < head && iterator.hasNext()) {
                TrackedEventMessage<?> message = iterator.next();
                examined++;
                last = ArticleCloudEvents.positionOf(message);
                if (PUBLIC.contains(message.getPayloadType()) && message instanceof DomainEventMessage<?> domain) {
                    events.add(syndicated(domain, last));
                }
            }
        }
        return new FeedPage(events, last);
    }

    private FeedEvent syndicated(DomainEventMessage<?> message, long position) {
        Object payload = message.getPayload();
        History history = history(message);
        Instant time = message.getTimestamp().truncatedTo(ChronoUnit.MILLIS);
        String type;
        ObjectNode data;
        if (payload instanceof ArticlePublished published) {
            type = published.changeKind() == null || published.changeKind() == ChangeKind.UPDATE
                    ? PUBLISHED
                    : CORRECTED;
            data = ninjs.render(published, history.firstPublished(), message.getTimestamp(), history.notes());
        } else if (payload instanceof ArticleKilled killed) {
            type = KILLED;
            data = JSON.objectNode().put("uri", history.uri()).put("notice", killed.notice());
        } else {
            type = UNPUBLISHED;
            data = JSON.objectNode().put("uri", history.uri());
        }
        CloudEvent event = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withSource(SOURCE)
                .withType(type)
                .withSubject(history.uri())
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withData("application/json", JsonCloudEventData.wrap(data))
                .withExtension("position", position <= Integer.MAX_VALUE ? (Number) (int) position : position)
                .build();
        return new FeedEvent(
                position, event, new String(FORMAT.serialize(event), StandardCharsets.UTF_8), summary(event));
    }

    private static String summary(CloudEvent event) {
        return FeedEvent.summaryOf(event, null);
    }

    /**
     * What a public event needs from the article's earlier publications: when it first went live, its public notes up
     * to this event, and its public address (a kill or an unpublication does not carry the slug). Read from the
     * article's own events up to this one, so a page gives the same bytes whenever it is read.
     */
    private History history(DomainEventMessage<?> message) {
        Instant first = null;
        String slug = null;
        List<PublicNote> notes = new ArrayList<>();
        var events = engine.readEvents(message.getAggregateIdentifier(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> earlier = events.next();
            if (earlier.getSequenceNumber() > message.getSequenceNumber()) {
                break;
            }
            if (ArticlePublished.class.equals(earlier.getPayloadType())) {
                ArticlePublished published = (ArticlePublished) earlier.getPayload();
                first = first == null ? earlier.getTimestamp() : first;
                slug = published.slug();
                if (published.changeKind() != null
                        && published.changeKind() != ChangeKind.UPDATE
                        && published.note() != null) {
                    notes.add(new PublicNote(
                            published.changeKind().name().toLowerCase(Locale.ROOT),
                            published.note(),
                            published.publicationNumber(),
                            earlier.getTimestamp()));
                }
            }
        }
        return new History(
                first == null ? message.getTimestamp() : first, slug == null ? "" : site.articleUri(slug), notes);
    }

    private record History(Instant firstPublished, String uri, List<PublicNote> notes) {}
}
