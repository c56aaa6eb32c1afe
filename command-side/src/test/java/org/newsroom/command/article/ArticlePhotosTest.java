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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoDetached;
import org.newsroom.article.PhotoId;
import org.newsroom.article.PhotoUpdated;

class ArticlePhotosTest {

    private static final PhotoId LEAD = LEAD_PHOTO.photoId();
    private static final PhotoId BOAT = BOAT_PHOTO.photoId();
    private static final PhotoId UNKNOWN = new PhotoId("never-attached");
    private static final String URI = "https://images.example.com/afp/rome.jpg";

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    @Test
    void canAttachTheLeadPhoto() {
        fixture.given(Story.draft())
                .when(new AttachPhoto(
                        ID, LEAD, LEAD_PHOTO.uri(), LEAD_PHOTO.caption(), LEAD_PHOTO.credit(), LEAD_PHOTO.altText()))
                .expectEvents(attached(LEAD_PHOTO));
    }

    @Test
    void canAttachAPhotoWithoutAltText() {
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, BOAT, BOAT_PHOTO.uri(), BOAT_PHOTO.caption(), BOAT_PHOTO.credit(), null))
                .expectEvents(
                        new PhotoAttached(ID, BOAT, BOAT_PHOTO.uri(), BOAT_PHOTO.caption(), BOAT_PHOTO.credit(), ""));
    }

    @Test
    void canAttachThe50thPhoto() {
        fixture.given(plus(Story.draft(), photos(49)))
                .when(new AttachPhoto(ID, LEAD, URI, "Caption", "AFP", null))
                .expectEvents(new PhotoAttached(ID, LEAD, URI, "Caption", "AFP", ""));
    }

    @Test
    void cannotAttachA51stPhoto() {
        fixture.given(plus(Story.draft(), photos(50)))
                .when(new AttachPhoto(ID, LEAD, URI, "Caption", "AFP", null))
                .expectNoEvents()
                .expectException(violation("photo-limit-reached"));
    }

    @Test
    void cannotAttachTheSamePhotoTwice() {
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO)))
                .when(new AttachPhoto(ID, LEAD, URI, "Another caption", "AFP", null))
                .expectNoEvents()
                .expectException(violation("photo-already-attached"));
    }

    @Test
    void canAttachAgainAPhotoThatWasDetached() {
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO), new PhotoDetached(ID, LEAD)))
                .when(new AttachPhoto(ID, LEAD, URI, "Caption", "AFP", null))
                .expectEvents(new PhotoAttached(ID, LEAD, URI, "Caption", "AFP", ""));
    }

    @Test
    void cannotAttachAPhotoWithoutId() {
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, null, URI, "Caption", "AFP", null))
                .expectNoEvents()
                .expectException(invalid("invalid-photo-id", "photoId"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "ftp://images.example.com/a.jpg",
                "javascript:alert(1)",
                "data:image/png;base64,iVBO",
                "/images/a.jpg",
                "images.example.com/a.jpg",
                "https:///a.jpg",
                "https://images.example.com/a b.jpg",
                "file:///etc/passwd"
            })
    void cannotAttachAPhotoThatIsNotAnAbsoluteHttpUrl(String uri) {
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, LEAD, uri, "Caption", "AFP", null))
                .expectNoEvents()
                .expectException(invalid("invalid-photo-uri", "uri"));
    }

    @Test
    void cannotAttachAPhotoWithAUriOver2000Characters() {
        fixture.given(Story.draft())
                .when(new AttachPhoto(
                        ID, LEAD, "https://images.example.com/" + "a".repeat(1_975), "Caption", "AFP", null))
                .expectNoEvents()
                .expectException(invalid("invalid-photo-uri", "uri"));
    }

    @Test
    void canAttachAPhotoWithAPlainHttpUriOf2000Characters() {
        String uri = "http://images.example.com/" + "a".repeat(1_974);

        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, LEAD, uri, "Caption", "AFP", null))
                .expectEvents(new PhotoAttached(ID, LEAD, uri, "Caption", "AFP", ""));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void cannotAttachAPhotoWithoutCaption(String caption) {
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, LEAD, URI, caption, "AFP", null))
                .expectNoEvents()
                .expectException(invalid("invalid-caption", "caption"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void cannotAttachAPhotoWithoutCredit(String credit) {
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, LEAD, URI, "Caption", credit, null))
                .expectNoEvents()
                .expectException(invalid("invalid-credit", "credit"));
    }

    @Test
    void cannotAttachAPhotoWithTooLongTexts() {
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, LEAD, URI, "c".repeat(1_001), "AFP", null))
                .expectNoEvents()
                .expectException(invalid("invalid-caption", "caption"));
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, LEAD, URI, "Caption", "c".repeat(301), null))
                .expectNoEvents()
                .expectException(invalid("invalid-credit", "credit"));
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, LEAD, URI, "Caption", "AFP", "a".repeat(1_001)))
                .expectNoEvents()
                .expectException(invalid("invalid-alt-text", "altText"));
    }

    @Test
    void canUpdateOnlyThePhotoFieldsThatChange() {
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO)))
                .when(new UpdatePhoto(ID, LEAD, "Khalifa Haftar in Paris, July 2017.", LEAD_PHOTO.credit(), null))
                .expectEvents(new PhotoUpdated(ID, LEAD, "Khalifa Haftar in Paris, July 2017.", null, null));
    }

    @Test
    void canUpdateEveryPhotoField() {
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO)))
                .when(new UpdatePhoto(ID, LEAD, "New caption", "Philippe Wojazer/AFP", ""))
                .expectEvents(new PhotoUpdated(ID, LEAD, "New caption", "Philippe Wojazer/AFP", ""));
    }

    @Test
    void cannotUpdateAPhotoThatIsNotAttached() {
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO)))
                .when(new UpdatePhoto(ID, UNKNOWN, "New caption", null, null))
                .expectNoEvents()
                .expectException(violation("photo-not-found"));
    }

    @Test
    void cannotUpdateAPhotoWithoutChange() {
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO)))
                .when(new UpdatePhoto(ID, LEAD, LEAD_PHOTO.caption(), null, LEAD_PHOTO.altText()))
                .expectNoEvents()
                .expectException(violation("nothing-to-revise"));
    }

    @Test
    void cannotBlankAPhotoCaptionOrCredit() {
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO)))
                .when(new UpdatePhoto(ID, LEAD, " ", null, null))
                .expectNoEvents()
                .expectException(invalid("invalid-caption", "caption"));
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO)))
                .when(new UpdatePhoto(ID, LEAD, null, "", null))
                .expectNoEvents()
                .expectException(invalid("invalid-credit", "credit"));
    }

    @Test
    void canDetachAPhoto() {
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO)))
                .when(new DetachPhoto(ID, LEAD))
                .expectEvents(new PhotoDetached(ID, LEAD));
    }

    @Test
    void cannotDetachAPhotoThatIsNotAttached() {
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO), new PhotoDetached(ID, LEAD)))
                .when(new DetachPhoto(ID, LEAD))
                .expectNoEvents()
                .expectException(violation("photo-not-found"));
    }

    @Test
    void canPublishPhotosInTheOrderTheyWereAttachedWithUpdates() {
        Photo updatedBoat = new Photo(BOAT, BOAT_PHOTO.uri(), "New caption", BOAT_PHOTO.credit(), "");
        Photo rome = new Photo(new PhotoId("rome"), URI, "Rome", "AFP", "");

        fixture.given(Story.inReview())
                .andGivenCommands(
                        new AttachPhoto(ID, rome.photoId(), URI, "Rome", "AFP", null),
                        new UpdatePhoto(ID, BOAT, "New caption", null, null),
                        new DetachPhoto(ID, LEAD))
                .when(new PublishArticle(ID, null, null))
                .expectEvents(new ArticlePublished(
                        ID,
                        1,
                        SLUG,
                        null,
                        null,
                        new ArticleContent(
                                HEADLINE, STANDFIRST, BODY, "en", List.of(updatedBoat, rome), List.of(BYLINE))));
    }

    @Test
    void canRepublishAfterAPhotoChange() {
        fixture.given(plus(Story.published(), new PhotoDetached(ID, BOAT)))
                .when(new PublishArticle(ID, ChangeKind.UPDATE, null))
                .expectEvents(new ArticlePublished(
                        ID,
                        2,
                        SLUG,
                        ChangeKind.UPDATE,
                        null,
                        new ArticleContent(HEADLINE, STANDFIRST, BODY, "en", List.of(LEAD_PHOTO), List.of(BYLINE))));
    }

    private static Object[] photos(int count) {
        List<Object> events = new ArrayList<>();
        IntStream.rangeClosed(1, count)
                .forEach(i ->
                        events.add(new PhotoAttached(ID, new PhotoId("photo-" + i), URI, "Photo " + i, "AFP", "")));
        return events.toArray();
    }
}
