package org.newsroom.query.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.newsroom.query.TestEvents.at;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroom.article.AgencyItem;
import org.newsroom.article.AgencyItemIngested;
import org.newsroom.article.AgencyItemWithdrawn;
import org.newsroom.article.AgencyOriginal;
import org.newsroom.article.AgencyStatus;
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
import org.newsroom.article.Byline;
import org.newsroom.article.BylineAssigned;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.ChangesRequested;
import org.newsroom.article.CommentAdded;
import org.newsroom.article.DroppedMarkup;
import org.newsroom.article.EmbargoLifted;
import org.newsroom.article.EmbargoSet;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoDetached;
import org.newsroom.article.PhotoId;
import org.newsroom.article.PhotoUpdated;
import org.newsroom.article.PublicationScheduled;
import org.newsroom.article.ScheduledPublicationCancelled;
import org.newsroom.query.InMemoryMongo;
import org.newsroom.query.TestEvents;
import org.newsroom.query.article.ArticleState;
import org.newsroom.query.projection.Documents;
import org.newsroom.query.projection.ProjectionCollections;
import org.newsroom.query.projection.ProjectionWriter;

class EditorialProjectionTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private static final ArticleId ID = new ArticleId("editorial-unit");
    private static final PhotoId PHOTO = new PhotoId("p1");

    private ProjectionCollections target;
    private EditorialProjection projection;

    @BeforeEach
    void projection() {
        target = new ProjectionCollections(EditorialReadModel.NAME, 1, MONGO.freshDatabase());
        projection = new EditorialProjection(new ProjectionWriter("editorial", () -> target, position -> {}));
    }

    @Test
    void followsTheWorkingCopyAndTheWorkflow() {
        ArticleDrafted draft = new ArticleDrafted(ID, "Headline", null, "<p>Body</p>", "en");
        projection.on(draft, at(10, 1, draft, "reporter"));
        EditorialArticle drafted = stored();
        assertThat(drafted.state()).isEqualTo(ArticleState.DRAFT);
        assertThat(drafted.version()).isEqualTo(1);
        assertThat(drafted.pendingChanges()).isTrue();
        assertThat(drafted.createdBy()).isEqualTo("reporter");
        assertThat(drafted.updatedAt()).isEqualTo(TestEvents.NOON.plusSeconds(10));

        PhotoAttached attached = new PhotoAttached(ID, PHOTO, "https://img.example/1.jpg", "Caption", "Credit", null);
        projection.on(attached, at(11, 2, attached, "reporter"));
        PhotoUpdated updated = new PhotoUpdated(ID, PHOTO, "New caption", null, null);
        projection.on(updated, at(12, 3, updated, "reporter"));
        BylineAssigned byline = new BylineAssigned(ID, List.of(new Byline("A. Writer", null, "AFP")));
        projection.on(byline, at(13, 4, byline, "editor"));
        ArticleSubmittedForReview submitted = new ArticleSubmittedForReview(ID, null);
        projection.on(submitted, at(14, 5, submitted, "reporter"));
        assertThat(stored().state()).isEqualTo(ArticleState.IN_REVIEW);
        ChangesRequested requested = new ChangesRequested(ID, "shorter");
        projection.on(requested, at(15, 6, requested, "editor"));
        ArticleRevised revised = new ArticleRevised(ID, "Better headline", "Standfirst", null, null);
        projection.on(revised, at(16, 7, revised, "reporter"));

        EditorialArticle working = stored();
        assertThat(working.state()).isEqualTo(ArticleState.DRAFT);
        assertThat(working.headline()).isEqualTo("Better headline");
        assertThat(working.body()).isEqualTo("<p>Body</p>");
        assertThat(working.photos()).singleElement().satisfies(photo -> {
            assertThat(photo.caption()).isEqualTo("New caption");
            assertThat(photo.credit()).isEqualTo("Credit");
        });
        assertThat(working.bylines()).containsExactly(new Byline("A. Writer", null, "AFP"));

        ArticlePublished published = new ArticlePublished(
                ID,
                1,
                "better-headline",
                null,
                null,
                new ArticleContent("Better headline", "Standfirst", "<p>Body</p>", "en", List.of(), List.of()));
        projection.on(published, at(17, 8, published, "editor"));
        assertThat(stored().pendingChanges()).isFalse();
        assertThat(stored().publicationNumber()).isEqualTo(1);
        assertThat(stored().slug()).isEqualTo("better-headline");
        PhotoDetached detached = new PhotoDetached(ID, PHOTO);
        projection.on(detached, at(18, 9, detached, "editor"));
        assertThat(stored().photos()).isEmpty();
        assertThat(stored().pendingChanges()).isTrue();
        ArticleKilled killed = new ArticleKilled(ID, "legal", "Removed");
        projection.on(killed, at(19, 10, killed, null));
        assertThat(stored().state()).isEqualTo(ArticleState.KILLED);
        assertThat(stored().version()).isEqualTo(10);
        assertThat(stored().updatedBy()).isNull();
    }

    @Test
    void keepsTheDesksConversationFlagsScheduleAndEmbargo() {
        Instant at = Instant.parse("2026-03-14T14:00:00Z");
        Instant until = Instant.parse("2026-03-14T13:00:00Z");
        List<ArticleEvent> events = List.of(
                new ArticleDrafted(ID, "Headline", null, "<p>Body</p>", "en"),
                new CommentAdded(ID, "c1", "Is the quote on record?"),
                new ArticleSubmittedForReview(ID, "Ready"),
                new ChangesRequested(ID, "Attribute the quote"),
                new EmbargoSet(ID, until),
                new PublicationScheduled(ID, "s1", at, ChangeKind.UPDATE, "Evening", null));
        String[] actors = {"reporter", "editor", "reporter", "editor", "editor", "chief"};
        for (int i = 0; i < events.size(); i++) {
            projection.on(events.get(i), at(10 + i, i + 1, events.get(i), actors[i]));
        }

        EditorialArticle article = stored();
        assertThat(article.conversation())
                .extracting(ConversationEntry::kind, ConversationEntry::text, ConversationEntry::actor)
                .containsExactly(
                        tuple("comment", "Is the quote on record?", "editor"),
                        tuple("submitted", "Ready", "reporter"),
                        tuple("changes-requested", "Attribute the quote", "editor"));
        assertThat(article.conversation().get(2).at()).isEqualTo(TestEvents.NOON.plusSeconds(13));
        assertThat(article.changesRequested()).isTrue();
        assertThat(article.reviewed()).isTrue();
        assertThat(article.embargo()).isEqualTo(new Embargo(until, "editor"));
        assertThat(article.schedule()).isEqualTo(new Schedule(at, "update", "Evening", "chief"));

        ArticleSubmittedForReview again = new ArticleSubmittedForReview(ID, null);
        projection.on(again, at(20, 7, again, "reporter"));
        assertThat(stored().changesRequested())
                .as("answered by a new submission")
                .isFalse();
        assertThat(stored().conversation()).last().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("submitted");
            assertThat(entry.text()).isNull();
        });

        ArticlePublished fired = new ArticlePublished(
                ID,
                1,
                "headline",
                null,
                null,
                new ArticleContent("Headline", "", "<p>Body</p>", "en", List.of(), List.of()),
                null,
                at,
                Duration.ofMillis(80));
        projection.on(fired, at(21, 8, fired, "chief"));
        assertThat(stored().schedule()).isNull();
        assertThat(stored().embargo()).as("an embargo stays until lifted").isNotNull();
        EmbargoLifted lifted = new EmbargoLifted(ID);
        projection.on(lifted, at(22, 9, lifted, "editor"));
        assertThat(stored().embargo()).isNull();
        assertThat(stored().conversation()).hasSize(4);
    }

    @Test
    void aPublicationWithoutReviewSaysWhyInTheConversationAndEndsChangeRequests() {
        ArticleDrafted draft = new ArticleDrafted(ID, "Headline", null, "<p>Body</p>", "en");
        projection.on(draft, at(1, 1, draft, "reporter"));
        PublicationScheduled scheduled =
                new PublicationScheduled(ID, "s1", Instant.parse("2026-03-14T14:00:00Z"), null, null, "Wire copy");
        projection.on(scheduled, at(2, 2, scheduled, "editor"));
        ScheduledPublicationCancelled cancelled = new ScheduledPublicationCancelled(ID, "s1");
        projection.on(cancelled, at(3, 3, cancelled, "editor"));
        assertThat(stored().schedule()).isNull();
        assertThat(stored().reviewed()).isFalse();

        ArticlePublished published = new ArticlePublished(
                ID,
                1,
                "headline",
                null,
                null,
                new ArticleContent("Headline", "", "<p>Body</p>", "en", List.of(), List.of()),
                "Wire copy, checked",
                null,
                null);
        projection.on(published, at(4, 4, published, "editor"));

        assertThat(stored().conversation()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo("published-without-review");
            assertThat(entry.text()).isEqualTo("Wire copy, checked");
            assertThat(entry.actor()).isEqualTo("editor");
        });
    }

    @Test
    void anEventAtOrBelowTheStoredPositionChangesNothing() {
        ArticleDrafted drafted = new ArticleDrafted(ID, "Headline", null, "", "en");
        projection.on(drafted, at(10, 1, drafted, "reporter"));
        ArticleRevised revised = new ArticleRevised(ID, "Second", null, null, null);
        projection.on(revised, at(20, 2, revised, "reporter"));
        Document before = raw();

        projection.on(revised, at(20, 2, revised, "someone else"));
        ArticleRevised older = new ArticleRevised(ID, "Older", null, null, null);
        projection.on(older, at(15, 2, older, "reporter"));
        projection.on(drafted, at(10, 1, drafted, "reporter"));

        assertThat(raw().toJson()).isEqualTo(before.toJson());
        assertThat(Documents.lastPosition(raw())).isEqualTo(20);
    }

    @Test
    void anEventForAnArticleNeverDraftedIsPoisonAndWritesNothing() {
        ArticleRevised revised = new ArticleRevised(ID, "Ghost", null, null, null);
        assertThatThrownBy(() -> projection.on(revised, at(5, 2, revised, "ghost")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never drafted");
        PhotoUpdated unknownPhoto = new PhotoUpdated(ID, PHOTO, "x", null, null);
        ArticleDrafted drafted = new ArticleDrafted(ID, "Headline", null, "", "en");
        projection.on(drafted, at(6, 1, drafted, "reporter"));
        assertThatThrownBy(() -> projection.on(unknownPhoto, at(7, 2, unknownPhoto, "reporter")))
                .hasMessageContaining("has no photo p1");
        assertThat(Documents.lastPosition(raw())).isEqualTo(6);
    }

    private Document raw() {
        return target.collection(EditorialReadModel.ARTICLES)
                .find(new Document("_id", ID.value()))
                .first();
    }

    @Test
    void anIngestedArticleShowsItsAgencyItsHeldUpdateAndItsWithdrawal() {
        ArticleDrafted draft = new ArticleDrafted(ID, "Haftar in Rome", null, "<p>Body</p>", "en");
        projection.on(draft, at(10, 1, draft, "ingest:AFP"));
        AgencyItemIngested ingested = new AgencyItemIngested(ID, agencyItem("1", AgencyStatus.USABLE));
        projection.on(ingested, at(11, 2, ingested, "ingest:AFP"));

        AgencyProvenance provenance = stored().agency();
        assertThat(provenance.source()).isEqualTo("AFP");
        assertThat(provenance.sha256()).isEqualTo("ab".repeat(32));
        assertThat(provenance.dropped()).extracting(DroppedMarkup::markup).containsExactly("<table>");
        assertThat(WorkItem.of(stored()).agency()).isEqualTo("AFP");
        assertThat(WorkItem.of(stored()).agencyUpdate()).isFalse();

        ArticleContent update = new ArticleContent("Haftar leaves Rome", "", "<p>Body</p>", "en", List.of(), List.of());
        AgencyUpdateHeld held = new AgencyUpdateHeld(ID, agencyItem("2", AgencyStatus.USABLE), update);
        projection.on(held, at(12, 3, held, "ingest:AFP"));
        assertThat(stored().agency().heldVersion()).isEqualTo("2");
        assertThat(stored().agency().held().headline()).isEqualTo("Haftar leaves Rome");
        assertThat(WorkItem.of(stored()).agencyUpdate()).isTrue();

        AgencyUpdateDismissed dismissed = new AgencyUpdateDismissed(ID, "2");
        projection.on(dismissed, at(13, 4, dismissed, "editor"));
        assertThat(stored().agency().heldVersion()).isNull();

        AgencyItemWithdrawn withdrawn = new AgencyItemWithdrawn(ID, agencyItem("3", AgencyStatus.CANCELED), false);
        projection.on(withdrawn, at(14, 5, withdrawn, "ingest:AFP"));
        assertThat(stored().agency().withdrawn()).isTrue();
        assertThat(stored().agency().pubStatus()).isEqualTo("canceled");
        assertThat(stored().agency().itemVersion()).isEqualTo("3");
    }

    private static AgencyItem agencyItem(String version, AgencyStatus status) {
        return new AgencyItem(
                "AFP",
                "urn:newsml:afp.com:1",
                version,
                Instant.parse("2019-02-27T16:00:00Z"),
                3,
                List.of(),
                status,
                null,
                new AgencyOriginal("ab".repeat(32), 120, "application/json", "ninjs-3.1"),
                List.of(new DroppedMarkup("<table>", 1, "removed")),
                List.of());
    }

    private EditorialArticle stored() {
        return Documents.fromDocument(raw(), EditorialArticle.class);
    }
}
