package org.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsroom.media.MediaEvent;
import org.newsroom.media.MediaId;
import org.newsroom.media.MediaUploaded;
import org.newsroom.media.PhotoMetadata;
import org.newsroom.media.Rendition;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Stored events are read back by today's classes: each golden file must deserialize into its event and serialize to
 * exactly the same JSON. A renamed, removed or retyped field fails here before it can break the event log.
 */
class GoldenEventsTest {

    /** As the event log's serializer writes instants (ISO-8601 strings), strict about what it reads. */
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    static Stream<Class<?>> events() {
        return Stream.concat(
                Arrays.stream(ArticleEvent.class.getPermittedSubclasses()),
                Arrays.stream(MediaEvent.class.getPermittedSubclasses()));
    }

    @ParameterizedTest
    @MethodSource("events")
    void goldenFileRoundTripsUnchanged(Class<?> eventType) throws IOException {
        JsonNode golden = golden(eventType);

        Object event = mapper.treeToValue(golden, eventType);
        JsonNode reserialized = mapper.readTree(mapper.writeValueAsString(event));

        if (event instanceof MediaEvent media) {
            assertThat(media.mediaId().value()).isEqualTo("7c3a9f10-2d4b-4e6a-8b1c-0f5e9d2a4b67");
        } else {
            assertThat(((ArticleEvent) event).articleId().value()).isEqualTo("4f1c2a9e-6b1d-4c55-9a53-2d0f3e8b7c10");
        }
        assertThat(reserialized).isEqualTo(golden);
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyGoldenFieldIsSetOnTheEvent(Class<?> eventType) throws IOException {
        JsonNode golden = golden(eventType);
        Object event = mapper.treeToValue(golden, eventType);

        for (var component : eventType.getRecordComponents()) {
            if (golden.has(component.getName())) {
                assertThat(readComponent(event, component))
                        .as(component.getName())
                        .isNotNull();
            }
        }
    }

    @Test
    void aCorrectionKeepsItsChangeKindAndContent() throws IOException {
        ArticlePublished published = mapper.treeToValue(golden(ArticlePublished.class), ArticlePublished.class);

        assertThat(published.changeKind()).isEqualTo(ChangeKind.CORRECTION);
        assertThat(published.publicationNumber()).isEqualTo(2);
        assertThat(published.content().photos())
                .singleElement()
                .satisfies(photo -> assertThat(photo.credit()).isEqualTo("Filippo Monteforte/AFP"));
        assertThat(published.content().bylines())
                .extracting(Byline::affiliation)
                .containsExactly("AFP");
    }

    @Test
    void aPhotoFromTheLibraryKeepsItsMediaIdAndRenditions() throws IOException {
        JsonNode golden = golden("PhotoAttached-library");
        PhotoAttached attached = mapper.treeToValue(golden, PhotoAttached.class);

        assertThat(attached.mediaId()).isEqualTo(new MediaId("7c3a9f10-2d4b-4e6a-8b1c-0f5e9d2a4b67"));
        assertThat(attached.renditions())
                .extracting(Rendition::name, Rendition::width, Rendition::height)
                .containsExactly(tuple("320", 320, 240), tuple("original", 600, 450));
        assertThat(attached.photo().renditions()).isEqualTo(attached.renditions());
        assertThat(mapper.readTree(mapper.writeValueAsString(attached))).isEqualTo(golden);
    }

    @Test
    void aPhotoAttachedFromAnAgencyPictureKeepsItsItem() throws IOException {
        JsonNode golden = golden("PhotoAttached-agency");
        PhotoAttached attached = mapper.treeToValue(golden, PhotoAttached.class);

        assertThat(attached.agencyItem())
                .isEqualTo(new AgencyPicture(
                        "AFP",
                        "urn:newsml:afp.com:20190227:picture:haftar-conte",
                        "1",
                        "5f2b8c1e9a7d3f4b6c0e8a2d1f9b7c5e3a4d6f8b0c2e1a9d7f5b3c4e6a8d0f2b"));
        assertThat(attached.mediaId()).isNull();
        assertThat(attached.photo().agencyItem()).isEqualTo(attached.agencyItem());
        assertThat(attached.photo().withText("c", "AFP", "").agencyItem()).isEqualTo(attached.agencyItem());
        assertThat(mapper.readTree(mapper.writeValueAsString(attached))).isEqualTo(golden);
    }

    @Test
    void aPhotoGivenByAddressHasNoMediaFieldsInItsJson() throws IOException {
        PhotoAttached byAddress = mapper.treeToValue(golden(PhotoAttached.class), PhotoAttached.class);

        assertThat(byAddress.mediaId()).isNull();
        assertThat(byAddress.renditions()).isNull();
        JsonNode json = mapper.valueToTree(byAddress);
        assertThat(json.has("mediaId")).isFalse();
        assertThat(json.has("renditions")).isFalse();
        assertThat(json.has("agencyItem")).isFalse();
        assertThat(json.has("photo")).as("photo() is not a property").isFalse();
    }

    @Test
    void anUploadWithoutMetadataInItsFileHasAnEmptyMetadataObject() throws IOException {
        MediaUploaded uploaded = mapper.treeToValue(golden(MediaUploaded.class), MediaUploaded.class);
        MediaUploaded bare = new MediaUploaded(
                uploaded.mediaId(),
                uploaded.contentType(),
                uploaded.width(),
                uploaded.height(),
                uploaded.sha256(),
                uploaded.byteSize(),
                uploaded.renditions(),
                PhotoMetadata.NONE);

        JsonNode json = mapper.valueToTree(bare);

        assertThat(json.get("metadata").isObject()).isTrue();
        assertThat(json.get("metadata").isEmpty()).isTrue();
        assertThat(mapper.treeToValue(json, MediaUploaded.class)).isEqualTo(bare);
    }

    @Test
    void aPublicationStoredBeforeTheReviewAndScheduleFieldsReadsAsAManualReviewedOne() throws IOException {
        ArticlePublished published = mapper.treeToValue(golden(ArticlePublished.class), ArticlePublished.class);

        assertThat(published.publishedWithoutReview()).isNull();
        assertThat(published.scheduledFor()).isNull();
        assertThat(published.lateness()).isNull();
    }

    @Test
    void aScheduledPublicationWithoutReviewKeepsItsReasonTimeAndLateness() throws IOException {
        JsonNode golden = golden("ArticlePublished.scheduled-without-review");

        ArticlePublished published = mapper.treeToValue(golden, ArticlePublished.class);

        assertThat(published.publishedWithoutReview()).isEqualTo("Agency copy, checked on the wire desk");
        assertThat(published.scheduledFor()).isEqualTo(Instant.parse("2026-03-04T14:00:00Z"));
        assertThat(published.lateness()).isEqualTo(Duration.ofMillis(183));
        assertThat(published.changeKind()).isNull();
        assertThat(mapper.<JsonNode>valueToTree(published)).isEqualTo(golden);
    }

    @Test
    void instantsAreStoredAsIsoStrings() throws IOException {
        JsonNode golden = golden(PublicationScheduled.class);

        PublicationScheduled scheduled = mapper.treeToValue(golden, PublicationScheduled.class);

        assertThat(scheduled.at()).isEqualTo(Instant.parse("2026-03-04T14:00:00Z"));
        assertThat(golden.path("at").isTextual()).isTrue();
    }

    @Test
    void anIngestedAgencyItemKeepsItsProvenance() throws IOException {
        AgencyItemIngested ingested = mapper.treeToValue(golden(AgencyItemIngested.class), AgencyItemIngested.class);

        AgencyItem item = ingested.item();
        assertThat(item.source()).isEqualTo("AFP");
        assertThat(item.pubStatus()).isEqualTo(AgencyStatus.USABLE);
        assertThat(item.versionCreated()).isEqualTo(Instant.parse("2019-02-27T16:04:00Z"));
        assertThat(item.embargoedUntil()).isEqualTo(Instant.parse("2019-02-27T18:00:00Z"));
        assertThat(item.original().sha256()).hasSize(64);
        assertThat(item.subjects()).extracting(AgencySubject::name).containsExactly("politics", null);
        assertThat(item.dropped()).extracting(DroppedMarkup::markup).containsExactly("<table>", "@class");
    }

    @Test
    void aHeldUpdateWithoutUrgencyOrEmbargoReadsThemAsAbsent() throws IOException {
        AgencyUpdateHeld held = mapper.treeToValue(golden(AgencyUpdateHeld.class), AgencyUpdateHeld.class);

        assertThat(held.item().urgency()).isNull();
        assertThat(held.item().embargoedUntil()).isNull();
        assertThat(held.item().pubStatus()).isEqualTo(AgencyStatus.WITHHELD);
        assertThat(held.content().photos())
                .singleElement()
                .satisfies(photo -> assertThat(photo.altText()).isNull());
    }

    @Test
    void unknownFieldsInAGoldenFileAreNoticed() {
        JsonNode tampered = mapper.createObjectNode()
                .put("articleId", "a-1")
                .put("photoId", "p-1")
                .put("caption", "c")
                .put("captionn", "typo");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapper.treeToValue(tampered, PhotoUpdated.class))
                .hasMessageContaining("captionn");
    }

    private JsonNode golden(Class<?> eventType) throws IOException {
        return golden(eventType.getSimpleName());
    }

    private JsonNode golden(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name + ".json")) {
            assertThat(in).as("golden file " + name).isNotNull();
            return mapper.readTree(in);
        }
    }

    private static Object readComponent(Object record, java.lang.reflect.RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
