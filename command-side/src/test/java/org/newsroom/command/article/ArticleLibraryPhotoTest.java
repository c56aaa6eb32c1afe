package org.newsroom.command.article;

import static org.newsroom.command.article.Rejections.invalid;
import static org.newsroom.command.article.Rejections.violation;
import static org.newsroom.command.article.Story.ID;
import static org.newsroom.command.article.Story.plus;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoId;
import org.newsroom.article.PhotoUpdated;
import org.newsroom.media.MediaId;
import org.newsroom.media.Rendition;

/** Photos taken from the media library: they keep their media id and renditions through every change. */
class ArticleLibraryPhotoTest {

    private static final PhotoId PHOTO = new PhotoId("from-the-library");
    private static final MediaId MEDIA = new MediaId("7c3a9f10-2d4b-4e6a-8b1c-0f5e9d2a4b67");
    private static final String URI = "https://newsroom.example/media/" + MEDIA + "/original";
    private static final List<Rendition> RENDITIONS = List.of(
            new Rendition("320", 320, 240, "image/jpeg"),
            new Rendition("800", 800, 600, "image/jpeg"),
            new Rendition(Rendition.ORIGINAL, 1200, 900, "image/jpeg"));
    private static final String CAPTION = "File photo of General Khalifa Haftar.";
    private static final String CREDIT = "Philippe Wojazer/Pool/AFP";

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    private static PhotoAttached attached() {
        return new PhotoAttached(ID, PHOTO, URI, CAPTION, CREDIT, "Haftar", MEDIA, RENDITIONS);
    }

    @Test
    void aLibraryPhotoIsAttachedWithItsMediaIdAndRenditions() {
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, PHOTO, URI, CAPTION, CREDIT, "Haftar", MEDIA, RENDITIONS, null))
                .expectEvents(attached());
    }

    @Test
    void aLibraryPhotoWithoutItsOriginalIsRefused() {
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, PHOTO, URI, CAPTION, CREDIT, null, MEDIA, RENDITIONS.subList(0, 2), null))
                .expectNoEvents()
                .expectException(invalid("invalid-photo-renditions", "renditions"));
    }

    @Test
    void aPhotoGivenByAddressHasNoRenditions() {
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, PHOTO, URI, CAPTION, CREDIT, null, null, RENDITIONS, null))
                .expectNoEvents()
                .expectException(invalid("invalid-photo-renditions", "renditions"));
    }

    @Test
    void aLibraryPhotoStillNeedsACaptionAndACredit() {
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, PHOTO, URI, " ", CREDIT, null, MEDIA, RENDITIONS, null))
                .expectNoEvents()
                .expectException(invalid("invalid-caption", "caption"));
    }

    @Test
    void anUpdatedLibraryPhotoIsPublishedWithItsMediaIdAndRenditions() {
        Photo published = new Photo(PHOTO, URI, "A new caption", CREDIT, "Haftar", MEDIA, RENDITIONS);
        fixture.given(plus(
                        Story.draft(),
                        attached(),
                        Story.bylineAssigned(),
                        new PhotoUpdated(ID, PHOTO, "A new caption", null, null),
                        new ArticleSubmittedForReview(ID, null)))
                .when(new PublishArticle(ID, null, null))
                .expectEvents(new ArticlePublished(
                        ID,
                        1,
                        Story.SLUG,
                        null,
                        null,
                        new ArticleContent(
                                Story.HEADLINE,
                                Story.STANDFIRST,
                                Story.BODY,
                                "en",
                                List.of(published),
                                List.of(Story.BYLINE))));
    }

    @Test
    void theSameLibraryImageMayBeAttachedTwiceUnderTwoPhotoIds() {
        fixture.given(plus(Story.draft(), attached()))
                .when(new AttachPhoto(
                        ID, new PhotoId("again"), URI, "Cropped differently", CREDIT, null, MEDIA, RENDITIONS, null))
                .expectEvents(new PhotoAttached(
                        ID, new PhotoId("again"), URI, "Cropped differently", CREDIT, "", MEDIA, RENDITIONS));
    }

    @Test
    void aKilledArticleTakesNoLibraryPhoto() {
        fixture.given(Story.killed())
                .when(new AttachPhoto(ID, PHOTO, URI, CAPTION, CREDIT, null, MEDIA, RENDITIONS, null))
                .expectNoEvents()
                .expectException(violation("article-killed"));
    }
}
