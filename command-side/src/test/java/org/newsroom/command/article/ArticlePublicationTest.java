package org.newsroom.command.article;

import static org.newsroom.command.article.Rejections.invalid;
import static org.newsroom.command.article.Rejections.violation;
import static org.newsroom.command.article.Story.BOAT_PHOTO;
import static org.newsroom.command.article.Story.BODY;
import static org.newsroom.command.article.Story.BYLINE;
import static org.newsroom.command.article.Story.HEADLINE;
import static org.newsroom.command.article.Story.ID;
import static org.newsroom.command.article.Story.LEAD_PHOTO;
import static org.newsroom.command.article.Story.SLUG;
import static org.newsroom.command.article.Story.STANDFIRST;
import static org.newsroom.command.article.Story.attached;
import static org.newsroom.command.article.Story.plus;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.ChangesRequested;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoId;

class ArticlePublicationTest {

    private static final String CORRECTION = "An earlier version misspelt the name of Italy's chief of defence staff.";
    private static final ArticleRevised TYPO_FIXED =
            new ArticleRevised(ID, null, null, BODY.replace("adminstration", "administration"), null);
    private static final ArticleContent FIXED_CONTENT = new ArticleContent(
            HEADLINE, STANDFIRST, TYPO_FIXED.body(), "en", List.of(LEAD_PHOTO, BOAT_PHOTO), List.of(BYLINE));

    private static final String WIRE_COPY = "AFP copy, checked against the wire";

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    private static PublishArticle withoutReview(String reason, boolean reviewRequired) {
        return new PublishArticle(ID, null, null, reason, reviewRequired, null, null, null);
    }

    @Test
    void canPublishTheStoryFromReview() {
        fixture.given(Story.inReview())
                .when(new PublishArticle(ID, null, null))
                .expectEvents(new ArticlePublished(ID, 1, SLUG, null, null, Story.content()))
                .expectResultMessagePayload(new Publication(1, SLUG));
    }

    @Test
    void cannotPublishADraftThatWasNeverInReviewWithoutSayingWhy() {
        fixture.given(Story.readyToPublish())
                .when(new PublishArticle(ID, null, null))
                .expectNoEvents()
                .expectException(violation("review-required"));
    }

    @Test
    void canPublishADraftWithoutReviewSayingWhyAndTheReasonIsRecorded() {
        fixture.given(Story.readyToPublish())
                .when(withoutReview(WIRE_COPY, true))
                .expectEvents(new ArticlePublished(ID, 1, SLUG, null, null, Story.content(), WIRE_COPY, null, null))
                .expectResultMessagePayload(new Publication(1, SLUG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " \n "})
    void cannotPublishWithoutReviewGivingABlankReason(String reason) {
        fixture.given(Story.readyToPublish())
                .when(withoutReview(reason, true))
                .expectNoEvents()
                .expectException(invalid("invalid-without-review", "withoutReview"));
    }

    @Test
    void canPublishADraftStraightAwayWhereTheInstallationDoesNotRequireReview() {
        fixture.given(Story.readyToPublish()).when(withoutReview(null, false)).expectEvents(Story.firstPublication());
    }

    @Test
    void canPublishAnArticleSentBackFromReviewWithoutAReason() {
        fixture.given(plus(Story.inReview(), new ChangesRequested(ID, "Add a second source")))
                .when(new PublishArticle(ID, null, null))
                .expectEvents(Story.firstPublication());
    }

    @Test
    void aReasonToSkipAReviewThatTookPlaceIsNotRecorded() {
        fixture.given(Story.inReview()).when(withoutReview(WIRE_COPY, true)).expectEvents(Story.firstPublication());
    }

    @Test
    void aRepublicationNeedsNoReviewEvenOfAnArticleFirstPublishedWithoutOne() {
        fixture.given(plus(Story.published(), TYPO_FIXED))
                .when(new PublishArticle(ID, null, null))
                .expectEvents(new ArticlePublished(ID, 2, SLUG, ChangeKind.UPDATE, null, FIXED_CONTENT));
    }

    @Test
    void canPublishForTheFirstTimeCallingItAnUpdateOrAddingANote() {
        fixture.given(Story.inReview())
                .when(new PublishArticle(ID, ChangeKind.UPDATE, "First version"))
                .expectEvents(Story.firstPublication());
    }

    @ParameterizedTest
    @EnumSource(
            value = ChangeKind.class,
            names = {"CORRECTION", "CLARIFICATION"})
    void cannotCorrectOrClarifyWhatWasNeverPublished(ChangeKind kind) {
        fixture.given(Story.readyToPublish())
                .when(new PublishArticle(ID, kind, CORRECTION))
                .expectNoEvents()
                .expectException(violation("nothing-to-correct"));
    }

    @Test
    void cannotPublishWithoutHeadline() {
        fixture.given(plus(List.of(new ArticleDrafted(ID, " ", null, BODY, "en")), Story.bylineAssigned()))
                .when(new PublishArticle(ID, null, null))
                .expectNoEvents()
                .expectException(violation("headline-missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " \n "})
    void cannotPublishWithoutBody(String body) {
        fixture.given(plus(Story.readyToPublish(), new ArticleRevised(ID, null, null, body, null)))
                .when(new PublishArticle(ID, null, null))
                .expectNoEvents()
                .expectException(violation("body-missing"));
    }

    @Test
    void cannotPublishWithoutByline() {
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO)))
                .when(new PublishArticle(ID, null, null))
                .expectNoEvents()
                .expectException(violation("byline-missing"));
    }

    @Test
    void cannotPublishAPhotoWithoutCaption() {
        fixture.given(plus(
                        Story.readyToPublish(),
                        new PhotoAttached(
                                ID, new PhotoId("legacy"), "https://images.example.com/legacy.jpg", " ", "AFP", null)))
                .when(new PublishArticle(ID, null, null))
                .expectNoEvents()
                .expectException(violation("photo-caption-missing"));
    }

    @Test
    void cannotPublishAPhotoWithoutCredit() {
        fixture.given(plus(
                        Story.readyToPublish(),
                        new PhotoAttached(
                                ID,
                                new PhotoId("legacy"),
                                "https://images.example.com/legacy.jpg",
                                "Caption",
                                null,
                                null)))
                .when(new PublishArticle(ID, null, null))
                .expectNoEvents()
                .expectException(violation("photo-credit-missing"));
    }

    @Test
    void cannotRepublishWithoutChanges() {
        fixture.given(Story.published())
                .when(new PublishArticle(ID, null, null))
                .expectNoEvents()
                .expectException(violation("nothing-to-publish"));
    }

    @Test
    void cannotRepublishAfterTheChangesWentLive() {
        fixture.given(plus(
                        Story.published(),
                        TYPO_FIXED,
                        new ArticlePublished(ID, 2, SLUG, ChangeKind.UPDATE, null, FIXED_CONTENT)))
                .when(new PublishArticle(ID, ChangeKind.CORRECTION, CORRECTION))
                .expectNoEvents()
                .expectException(violation("nothing-to-publish"));
    }

    @Test
    void canRepublishChangesAsAnUpdateByDefault() {
        fixture.given(plus(Story.published(), TYPO_FIXED))
                .when(new PublishArticle(ID, null, " "))
                .expectEvents(new ArticlePublished(ID, 2, SLUG, ChangeKind.UPDATE, null, FIXED_CONTENT))
                .expectResultMessagePayload(new Publication(2, SLUG));
    }

    @Test
    void canRepublishAnUpdateWithANote() {
        fixture.given(plus(Story.published(), TYPO_FIXED))
                .when(new PublishArticle(ID, ChangeKind.UPDATE, "Adds the Tunisia visit"))
                .expectEvents(
                        new ArticlePublished(ID, 2, SLUG, ChangeKind.UPDATE, "Adds the Tunisia visit", FIXED_CONTENT));
    }

    @ParameterizedTest
    @EnumSource(
            value = ChangeKind.class,
            names = {"CORRECTION", "CLARIFICATION"})
    void canRepublishACorrectionOrClarificationWithAPublicNote(ChangeKind kind) {
        fixture.given(plus(Story.published(), TYPO_FIXED))
                .when(new PublishArticle(ID, kind, CORRECTION))
                .expectEvents(new ArticlePublished(ID, 2, SLUG, kind, CORRECTION, FIXED_CONTENT));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void cannotRepublishACorrectionWithoutAPublicNote(String note) {
        fixture.given(plus(Story.published(), TYPO_FIXED))
                .when(new PublishArticle(ID, ChangeKind.CORRECTION, note))
                .expectNoEvents()
                .expectException(violation("public-note-required"));
    }

    @Test
    void cannotRepublishAClarificationWithoutAPublicNote() {
        fixture.given(plus(Story.published(), TYPO_FIXED))
                .when(new PublishArticle(ID, ChangeKind.CLARIFICATION, null))
                .expectNoEvents()
                .expectException(violation("public-note-required"));
    }

    @Test
    void cannotPublishWithANoteOver2000Characters() {
        fixture.given(plus(Story.published(), TYPO_FIXED))
                .when(new PublishArticle(ID, ChangeKind.CORRECTION, "n".repeat(2_001)))
                .expectNoEvents()
                .expectException(invalid("invalid-note", "note"));
    }

    @Test
    void canRepublishAnUnpublishedArticleWithoutChanges() {
        fixture.given(Story.unpublished())
                .when(new PublishArticle(ID, null, null))
                .expectEvents(new ArticlePublished(ID, 2, SLUG, ChangeKind.UPDATE, null, Story.content()))
                .expectResultMessagePayload(new Publication(2, SLUG));
    }

    @Test
    void canKeepTheSlugWhenTheHeadlineChanges() {
        ArticleContent renamed = new ArticleContent(
                "Haftar in Rome: Italy's new partner?",
                STANDFIRST,
                BODY,
                "en",
                List.of(LEAD_PHOTO, BOAT_PHOTO),
                List.of(BYLINE));

        fixture.given(Story.published())
                .andGivenCommands(
                        new ReviseArticle(ID, "Haftar in Rome: Italy's new partner?", null, null, null),
                        new PublishArticle(ID, null, null),
                        new UnpublishArticle(ID, "Legal review"))
                .when(new PublishArticle(ID, null, null))
                .expectEvents(new ArticlePublished(ID, 3, SLUG, ChangeKind.UPDATE, null, renamed))
                .expectResultMessagePayload(new Publication(3, SLUG));
    }

    @Test
    void canPublishTheContentExactlyAsItGoesLive() {
        Photo rome = new Photo(new PhotoId("rome"), "https://images.example.com/rome.jpg", "Rome", "AFP", "");
        ArticleContent live = new ArticleContent(
                "Haftar in Rome", "", "<p>Short.</p>", "it", List.of(BOAT_PHOTO, rome), List.of(BYLINE));

        fixture.given(Story.inReview())
                .andGivenCommands(
                        new ReviseArticle(ID, "Haftar in Rome", "", "<p>Short.</p>", "it"),
                        new DetachPhoto(ID, LEAD_PHOTO.photoId()),
                        new AttachPhoto(ID, rome.photoId(), rome.uri(), "Rome", "AFP", null))
                .when(new PublishArticle(ID, null, null))
                .expectEvents(new ArticlePublished(ID, 1, "haftar-in-rome-4f1c2a9e", null, null, live));
    }
}
