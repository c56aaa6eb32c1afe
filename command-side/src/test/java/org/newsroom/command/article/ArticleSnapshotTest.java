package org.newsroom.command.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsroom.command.article.Story.BOAT_PHOTO;
import static org.newsroom.command.article.Story.BYLINE;
import static org.newsroom.command.article.Story.ID;
import static org.newsroom.command.article.Story.LEAD_PHOTO;
import static org.newsroom.command.article.Story.SLUG;
import static org.newsroom.command.article.Story.STANDFIRST;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.Byline;
import org.newsroom.article.BylineAssigned;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.ChangesRequested;
import org.newsroom.article.EmbargoSet;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoUpdated;
import org.newsroom.article.PublicationScheduled;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.SnapshotShape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ArticleSnapshotTest {

    private static final Byline EDITOR = new Byline("Ella Ide", null, null);
    private static final String REVISED_BODY = "<p>Haftar met Italy's defence minister in Rome.</p>";

    /** The snapshots' own, strict configuration: an unknown field or a null primitive fails the restore. */
    private final ObjectMapper snapshots = EventLogConfiguration.snapshotObjectMapper();

    @Test
    void canBeRestoredFromAJacksonSnapshotWithAllItsState() throws Exception {
        JsonNode snapshot = snapshots.valueToTree(republishedWithPendingChanges());

        Article restored = snapshots.treeToValue(snapshot, Article.class);

        assertThat(snapshots.<JsonNode>valueToTree(restored)).isEqualTo(snapshot);
        assertThat(snapshot.path("id").asText()).isEqualTo(ID.value());
        assertThat(snapshot.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(snapshot.path("publicationNumber").asInt()).isEqualTo(2);
        assertThat(snapshot.path("slug").asText()).isEqualTo(SLUG);
        assertThat(snapshot.path("pendingChanges").asBoolean()).isTrue();
        assertThat(snapshot.path("workingCopy").path("body").asText()).isEqualTo(REVISED_BODY);
        assertThat(snapshot.path("workingCopy").path("photos")).hasSize(2);
        assertThat(snapshot.path("workingCopy").path("bylines").findValuesAsText("name"))
                .containsExactly("Angus MacKinnon", "Ella Ide");
    }

    @Test
    void aSnapshotHoldsExactlyTheFieldsItsShapeRequires() {
        JsonNode snapshot = snapshots.valueToTree(new Article());
        List<String> written = new java.util.ArrayList<>();
        snapshot.fieldNames().forEachRemaining(written::add);

        assertThat(written)
                .as("a field the shape requires but Jackson does not write would make every snapshot unusable")
                .containsExactlyInAnyOrderElementsOf(SnapshotShape.persistedFieldNames(Article.class));
    }

    @Test
    void aSnapshotWithAFieldTheArticleDoesNotKnowIsNotRestored() {
        ObjectNode snapshot = snapshots.valueToTree(republishedWithPendingChanges());
        snapshot.set("state", snapshot.remove("status"));

        assertThatThrownBy(() -> snapshots.treeToValue(snapshot, Article.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("state");
    }

    @Test
    void canHandleCommandsAfterARestoreExactlyAsBefore() throws Exception {
        String json = snapshots.writeValueAsString(republishedWithPendingChanges());
        Article restored = snapshots.readValue(json, Article.class);
        FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);
        Photo updatedBoat = new Photo(
                BOAT_PHOTO.photoId(),
                BOAT_PHOTO.uri(),
                "Rescued migrants, 2017.",
                BOAT_PHOTO.credit(),
                BOAT_PHOTO.altText());

        fixture.givenState(() -> restored)
                .when(new PublishArticle(ID, ChangeKind.CORRECTION, "The caption misdated the rescue."))
                .expectEvents(new ArticlePublished(
                        ID,
                        3,
                        SLUG,
                        ChangeKind.CORRECTION,
                        "The caption misdated the rescue.",
                        new ArticleContent(
                                "Haftar in Rome",
                                STANDFIRST,
                                REVISED_BODY,
                                "en",
                                List.of(LEAD_PHOTO, updatedBoat),
                                List.of(BYLINE, EDITOR))))
                .expectResultMessagePayload(new Publication(3, SLUG));
    }

    @Test
    void keepsTheReviewTheScheduleAndTheEmbargoAcrossARestore() throws Exception {
        Instant at = Instant.parse("2026-03-04T14:00:00Z");
        Article article = new Article();
        article.on(Story.drafted());
        article.on(Story.bylineAssigned());
        article.on(new ArticleSubmittedForReview(ID, null));
        article.on(new ChangesRequested(ID, "Shorter, please"));
        article.on(new EmbargoSet(ID, at.minusSeconds(60)));
        article.on(new PublicationScheduled(ID, "s1", at, null, null, null));
        JsonNode snapshot = snapshots.valueToTree(article);
        Article restored = snapshots.treeToValue(snapshot, Article.class);

        assertThat(snapshot.path("reviewed").asBoolean()).isTrue();
        assertThat(snapshot.path("timetable").path("schedule").path("at").asText())
                .isEqualTo("2026-03-04T14:00:00Z");
        assertThat(snapshot.path("timetable").path("embargoUntil").asText()).isEqualTo("2026-03-04T13:59:00Z");
        new AggregateTestFixture<>(Article.class)
                .givenState(() -> restored)
                .when(PublishArticle.scheduled(ID, "s1", at))
                .expectEvents(new ArticlePublished(
                        ID,
                        1,
                        SLUG,
                        null,
                        null,
                        new ArticleContent(Story.HEADLINE, STANDFIRST, Story.BODY, "en", List.of(), List.of(BYLINE)),
                        null,
                        at,
                        Duration.ZERO));
    }

    private static Article republishedWithPendingChanges() {
        Article article = new Article();
        article.on(Story.drafted());
        article.on(Story.attached(LEAD_PHOTO));
        article.on(Story.attached(BOAT_PHOTO));
        article.on(Story.bylineAssigned());
        article.on(Story.firstPublication());
        article.on(new ArticleRevised(ID, "Haftar in Rome", null, REVISED_BODY, null));
        article.on(new BylineAssigned(ID, List.of(BYLINE, EDITOR)));
        article.on(new ArticlePublished(ID, 2, SLUG, ChangeKind.UPDATE, null, Story.content()));
        article.on(new PhotoUpdated(ID, BOAT_PHOTO.photoId(), "Rescued migrants, 2017.", null, null));
        return article;
    }
}
