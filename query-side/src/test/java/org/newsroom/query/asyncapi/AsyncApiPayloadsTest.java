package org.newsroom.query.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.newsroom.article.AgencyItem;
import org.newsroom.article.AgencyItemIngested;
import org.newsroom.article.AgencyItemWithdrawn;
import org.newsroom.article.AgencyOriginal;
import org.newsroom.article.AgencyPicture;
import org.newsroom.article.AgencyStatus;
import org.newsroom.article.AgencySubject;
import org.newsroom.article.AgencyUpdateDismissed;
import org.newsroom.article.AgencyUpdateHeld;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.Byline;
import org.newsroom.article.BylineAssigned;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.ChangesRequested;
import org.newsroom.article.CommentAdded;
import org.newsroom.article.DroppedMarkup;
import org.newsroom.article.EmbargoLifted;
import org.newsroom.article.EmbargoSet;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoDetached;
import org.newsroom.article.PhotoId;
import org.newsroom.article.PhotoUpdated;
import org.newsroom.article.PhotosReordered;
import org.newsroom.article.PublicationScheduled;
import org.newsroom.article.ScheduledPublicationCancelled;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.LogGap;
import org.newsroom.log.CheckpointSigned;
import org.newsroom.media.MediaEvent;
import org.newsroom.media.MediaId;
import org.newsroom.media.MediaUploaded;
import org.newsroom.media.PhotoMetadata;
import org.newsroom.media.Rendition;
import org.newsroom.query.feed.ArticleCloudEvents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The payload schemas of the AsyncAPI document against real envelopes: one event of every class the log records,
 * made into its CloudEvent by {@link ArticleCloudEvents} as the feed, the stream and the webhooks serve it, is valid
 * against the schema of its type's message ({@code <record>Event}, whose {@code data} is the Kafka value's schema).
 */
class AsyncApiPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RECORDED = Instant.parse("2026-03-04T09:15:30.123Z");
    private static final ArticleId ID = new ArticleId("4f1c2a9e-6b1d-4c55-9a53-2d0f3e8b7c10");
    private static final PhotoId LEAD = new PhotoId("lead");
    private static final MediaId MEDIA = new MediaId("9d3b7c1e-2f4a-4b8c-9e1d-5a6b7c8d9e0f");
    private static final List<Rendition> RENDITIONS =
            List.of(new Rendition("original", 2400, 1600, "image/jpeg"), new Rendition("w640", 640, 427, "image/webp"));
    private static final Byline BYLINE = new Byline("Angus MacKinnon", "author", "AFP");
    private static final ArticleContent CONTENT = new ArticleContent(
            "Italy security chiefs meet Haftar",
            "Talks in Rome",
            "<p>Rome</p>",
            "en",
            List.of(new Photo(LEAD, "https://images.example.com/a.jpg", "Caption", "AFP", "Alt", MEDIA, RENDITIONS)),
            List.of(BYLINE));
    private static final AgencyItem ITEM = new AgencyItem(
            "AFP",
            "urn:newsml:afp.com:20260304:TX-PAR-ABC12",
            "2",
            RECORDED,
            3,
            List.of(new AgencySubject("medtop:11000000", "politics")),
            AgencyStatus.USABLE,
            null,
            new AgencyOriginal("ab".repeat(32), 5120, "application/vnd.iptc.g2.newsitem+xml", "newsml-g2"),
            List.of(new DroppedMarkup("script", 1, "removed")),
            List.of("byline taken from the item's creator"));

    private final ArticleCloudEvents envelopes = new ArticleCloudEvents(JacksonSerializer.builder()
            .objectMapper(EventLogConfiguration.messageObjectMapper())
            .build());

    /** One event of every class the log records; the test below checks that none is missing. */
    private static Map<Class<?>, Object> samples() {
        Map<Class<?>, Object> samples = new LinkedHashMap<>();
        Stream.of(
                        new ArticleDrafted(ID, "Italy security chiefs meet Haftar", null, "<p>Rome</p>", "en"),
                        new ArticleRevised(ID, null, "Talks in Rome", null, null),
                        new PhotoAttached(
                                ID,
                                LEAD,
                                "https://images.example.com/a.jpg",
                                "Caption",
                                "AFP",
                                "Alt",
                                null,
                                null,
                                new AgencyPicture(
                                        "AFP", "urn:newsml:afp.com:20260304:picture:1", "1", "cd".repeat(32))),
                        new PhotoUpdated(ID, LEAD, "A better caption", null, null),
                        new PhotoDetached(ID, LEAD),
                        new PhotosReordered(ID, List.of(LEAD, new PhotoId("boat"))),
                        new BylineAssigned(ID, List.of(BYLINE, new Byline("Staff", null, null))),
                        new ArticleSubmittedForReview(ID, "AFP copy, photos credited"),
                        new ChangesRequested(ID, "Check the second quote"),
                        new ArticlePublished(
                                ID,
                                2,
                                "italy-security-chiefs-4f1c2a9e",
                                ChangeKind.CORRECTION,
                                "The meeting was on Tuesday.",
                                CONTENT,
                                "breaking news",
                                RECORDED,
                                Duration.ofSeconds(3)),
                        new ArticleUnpublished(ID, "legal hold"),
                        new ArticleKilled(ID, "defamatory", "This article has been removed."),
                        new CommentAdded(ID, "c-1", "Photo credit?"),
                        new PublicationScheduled(ID, "s-1", RECORDED, ChangeKind.UPDATE, null, null),
                        new ScheduledPublicationCancelled(ID, "s-1"),
                        new EmbargoSet(ID, RECORDED),
                        new EmbargoLifted(ID),
                        new AgencyItemIngested(ID, ITEM),
                        new AgencyUpdateHeld(ID, ITEM, CONTENT),
                        new AgencyUpdateDismissed(ID, "3"),
                        new AgencyItemWithdrawn(ID, ITEM, true),
                        new MediaUploaded(
                                MEDIA,
                                "image/jpeg",
                                2400,
                                1600,
                                "cd".repeat(32),
                                512_000L,
                                RENDITIONS,
                                new PhotoMetadata("Caption", "AFP", null)),
                        new CheckpointSigned(
                                1040,
                                "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=",
                                RECORDED,
                                "newsroom.example/log\n1040\nq83v...\n"),
                        new LogGap(1041, "operator:ops", "restore of 2 March missed it", RECORDED))
                .forEach(event -> samples.put(event.getClass(), event));
        return samples;
    }

    @Test
    void thereIsASampleOfEveryEventTheLogRecords() {
        Set<Class<?>> recorded = Stream.of(
                        Arrays.stream(ArticleEvent.class.getPermittedSubclasses()),
                        Arrays.stream(MediaEvent.class.getPermittedSubclasses()),
                        Stream.of(CheckpointSigned.class, LogGap.class))
                .flatMap(classes -> classes)
                .collect(Collectors.toSet());

        assertThat(samples().keySet()).containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(samples().keySet().stream().map(ArticleCloudEvents::typeOf))
                .containsExactlyInAnyOrderElementsOf(ArticleCloudEvents.knownTypes());
    }

    @Test
    void everyEventsCloudEventIsValidAgainstItsMessagesSchema() {
        samples().forEach((type, event) -> {
            JsonNode envelope = envelope(1041, event);
            assertThat(AsyncApiDocument.violations(type.getSimpleName() + "Event", envelope))
                    .as("%s against %sEvent", envelope, type.getSimpleName())
                    .isEmpty();
        });
    }

    @Test
    void theSchemasRejectAnEnvelopeOfAnotherTypeOrWithoutItsData() {
        JsonNode drafted = envelope(7, samples().get(ArticleDrafted.class));
        ObjectNode withoutHeadline = drafted.deepCopy();
        ((ObjectNode) withoutHeadline.path("data")).remove("headline");
        ObjectNode withoutPosition = drafted.deepCopy();
        withoutPosition.remove("position");

        assertThat(AsyncApiDocument.violations("ArticleDraftedEvent", drafted)).isEmpty();
        assertThat(AsyncApiDocument.violations("ArticleKilledEvent", drafted)).isNotEmpty();
        assertThat(AsyncApiDocument.violations("ArticleDraftedEvent", withoutHeadline))
                .isNotEmpty();
        assertThat(AsyncApiDocument.violations("ArticleDraftedEvent", withoutPosition))
                .isNotEmpty();
    }

    private JsonNode envelope(long position, Object event) {
        String aggregate = event instanceof LogGap gap
                ? "log-gap-" + gap.position()
                : event instanceof CheckpointSigned
                        ? "newsroom.example/log"
                        : event instanceof MediaEvent media ? media.mediaId().value() : ID.value();
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(
                event.getClass().getSimpleName(),
                aggregate,
                3,
                event,
                MetaData.with("actor", "editor"),
                "event-" + position,
                RECORDED);
        try {
            return JSON.readTree(envelopes
                    .toFeedEvent(
                            new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), message))
                    .json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
