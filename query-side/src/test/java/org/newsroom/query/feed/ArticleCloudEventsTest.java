package org.newsroom.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.Byline;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoId;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.LogGap;
import org.newsroom.log.CheckpointSigned;
import org.newsroom.media.MediaUploaded;
import org.newsroom.query.CloudEventSchema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ArticleCloudEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ArticleId ID = new ArticleId("4f1c2a9e-6b1d-4c55-9a53-2d0f3e8b7c10");
    private static final Instant RECORDED = Instant.parse("2026-03-04T09:15:30.123456789Z");

    private final ArticleCloudEvents envelopes = new ArticleCloudEvents(JacksonSerializer.builder()
            .objectMapper(EventLogConfiguration.messageObjectMapper())
            .build());

    @Test
    void everyEventHasAStableVersionedType() {
        Map<String, String> types = Arrays.stream(ArticleEvent.class.getPermittedSubclasses())
                .collect(Collectors.toMap(Class::getSimpleName, ArticleCloudEvents::typeOf));

        assertThat(types)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("ArticleDrafted", "news.article.drafted.v1"),
                        Map.entry("ArticleRevised", "news.article.revised.v1"),
                        Map.entry("PhotoAttached", "news.article.photo-attached.v1"),
                        Map.entry("PhotoUpdated", "news.article.photo-updated.v1"),
                        Map.entry("PhotoDetached", "news.article.photo-detached.v1"),
                        Map.entry("PhotosReordered", "news.article.photos-reordered.v1"),
                        Map.entry("BylineAssigned", "news.article.byline-assigned.v1"),
                        Map.entry("ArticleSubmittedForReview", "news.article.submitted-for-review.v1"),
                        Map.entry("ChangesRequested", "news.article.changes-requested.v1"),
                        Map.entry("ArticlePublished", "news.article.published.v1"),
                        Map.entry("ArticleUnpublished", "news.article.unpublished.v1"),
                        Map.entry("ArticleKilled", "news.article.killed.v1"),
                        Map.entry("CommentAdded", "news.article.comment-added.v1"),
                        Map.entry("PublicationScheduled", "news.article.publication-scheduled.v1"),
                        Map.entry("ScheduledPublicationCancelled", "news.article.scheduled-publication-cancelled.v1"),
                        Map.entry("EmbargoSet", "news.article.embargo-set.v1"),
                        Map.entry("EmbargoLifted", "news.article.embargo-lifted.v1"),
                        Map.entry("AgencyItemIngested", "news.article.agency-item-ingested.v1"),
                        Map.entry("AgencyUpdateHeld", "news.article.agency-update-held.v1"),
                        Map.entry("AgencyUpdateDismissed", "news.article.agency-update-dismissed.v1"),
                        Map.entry("AgencyItemWithdrawn", "news.article.agency-item-withdrawn.v1")));
        assertThat(ArticleCloudEvents.knownTypes())
                .containsAll(types.values())
                .contains("news.log.checkpoint.v1", "news.log.gap.v1", "news.media.uploaded.v1")
                .hasSize(types.size() + 3);
    }

    @Test
    void uploadsToTheMediaLibraryHaveTheirOwnTypeAndSource() {
        assertThat(ArticleCloudEvents.typeOf(MediaUploaded.class)).isEqualTo("news.media.uploaded.v1");
    }

    @Test
    void theLogsCheckpointsAndGapCommitsHaveTheirOwnTypes() {
        assertThat(ArticleCloudEvents.typeOf(CheckpointSigned.class)).isEqualTo("news.log.checkpoint.v1");
        assertThat(ArticleCloudEvents.typeOf(LogGap.class)).isEqualTo("news.log.gap.v1");
    }

    @Test
    void aGapCommitIsACloudEventOfTheLogNotOfAnArticle() throws Exception {
        GenericDomainEventMessage<Object> gap = new GenericDomainEventMessage<>(
                "LogGap",
                "log-gap-1041",
                0,
                new LogGap(1041, "operator:ops", "restore of 2 March missed it", RECORDED),
                MetaData.with("actor", "operator:ops"),
                "gap-1041",
                RECORDED);

        JsonNode json = JSON.readTree(envelopes
                .toFeedEvent(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(1041), gap))
                .json());

        assertThat(json.get("type").asText()).isEqualTo("news.log.gap.v1");
        assertThat(json.get("source").asText()).isEqualTo("/log");
        assertThat(json.get("subject").asText()).isEqualTo("log-gap-1041");
        assertThat(json.get("data").get("reason").asText()).isEqualTo("restore of 2 March missed it");
        assertThat(CloudEventSchema.violations(json)).isEmpty();
    }

    @Test
    void anEventBecomesAStructuredCloudEventWithItsPositionAndArticleVersion() throws Exception {
        ArticlePublished published = new ArticlePublished(
                ID,
                1,
                "italy-security-chiefs-4f1c2a9e",
                null,
                null,
                new ArticleContent(
                        "Italy security chiefs meet Haftar",
                        null,
                        "<p>Rome</p>",
                        "en",
                        List.of(),
                        List.of(new Byline("Angus MacKinnon", "author", "AFP"))));

        FeedEvent event = envelopes.toFeedEvent(tracked(1041, 6, published));
        JsonNode json = JSON.readTree(event.json());

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo("event-1041");
        assertThat(json.get("source").asText()).isEqualTo("/articles");
        assertThat(json.get("type").asText()).isEqualTo("news.article.published.v1");
        assertThat(json.get("subject").asText()).isEqualTo(ID.value());
        assertThat(json.get("time").asText()).isEqualTo("2026-03-04T09:15:30.123Z");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("position").isIntegralNumber()).as(event.json()).isTrue();
        assertThat(json.get("position").asLong()).isEqualTo(1041);
        assertThat(json.get("articleversion").isIntegralNumber()).isTrue();
        assertThat(json.get("articleversion").asLong()).isEqualTo(7);
        assertThat(json.get("data"))
                .isEqualTo(EventLogConfiguration.messageObjectMapper().valueToTree(published));
        assertThat(json.get("data")
                        .get("content")
                        .get("bylines")
                        .get(0)
                        .get("affiliation")
                        .asText())
                .isEqualTo("AFP");
        assertThat(event.position()).isEqualTo(1041);
        assertThat(CloudEventSchema.violations(json)).isEmpty();
    }

    @Test
    void theSchemaCheckRejectsAnEnvelopeWithoutIdOrWithAMalformedTime() throws Exception {
        FeedEvent event = envelopes.toFeedEvent(tracked(
                3,
                2,
                new PhotoAttached(
                        ID, new PhotoId("lead"), "https://images.example.com/a.jpg", "Caption", "AFP", null)));
        ObjectNode withoutId = (ObjectNode) JSON.readTree(event.json());
        withoutId.remove("id");
        ObjectNode badTime = (ObjectNode) JSON.readTree(event.json());
        badTime.put("time", "yesterday");

        assertThat(CloudEventSchema.violations(JSON.readTree(event.json()))).isEmpty();
        assertThat(CloudEventSchema.violations(withoutId)).isNotEmpty();
        assertThat(CloudEventSchema.violations(badTime)).isNotEmpty();
    }

    private static GenericTrackedDomainEventMessage<Object> tracked(
            long position, long sequenceNumber, Object payload) {
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(
                "Article",
                ID.value(),
                sequenceNumber,
                payload,
                MetaData.emptyInstance(),
                "event-" + position,
                RECORDED);
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), message);
    }
}
