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

import java.util.Arrays;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoId;
import org.newsroom.article.PhotosReordered;

class ArticlePhotoOrderTest {

    private static final PhotoId LEAD = LEAD_PHOTO.photoId();
    private static final PhotoId BOAT = BOAT_PHOTO.photoId();
    private static final Photo ROME =
            new Photo(new PhotoId("rome"), "https://images.example.com/afp/rome.jpg", "Rome", "AFP", "");

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    private static List<Object> threePhotos() {
        return plus(Story.draft(), attached(LEAD_PHOTO), attached(BOAT_PHOTO), attached(ROME));
    }

    @Test
    void theFirstPhotoOfANewOrderBecomesTheLead() {
        fixture.given(threePhotos())
                .when(new ReorderPhotos(ID, List.of(BOAT, ROME.photoId(), LEAD)))
                .expectEvents(new PhotosReordered(ID, List.of(BOAT, ROME.photoId(), LEAD)));
    }

    @Test
    void anOrderMustNameEveryAttachedPhoto() {
        fixture.given(threePhotos())
                .when(new ReorderPhotos(ID, List.of(BOAT, LEAD)))
                .expectNoEvents()
                .expectException(invalid("invalid-photo-order", "photoIds"));
    }

    @Test
    void anOrderMustNameEachPhotoOnce() {
        fixture.given(threePhotos())
                .when(new ReorderPhotos(ID, List.of(BOAT, ROME.photoId(), LEAD, BOAT)))
                .expectNoEvents()
                .expectException(invalid("invalid-photo-order", "photoIds"));
    }

    @Test
    void anOrderMayNameNoPhotoThatIsNotAttached() {
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO), attached(BOAT_PHOTO)))
                .when(new ReorderPhotos(ID, List.of(BOAT, LEAD, ROME.photoId())))
                .expectNoEvents()
                .expectException(invalid("invalid-photo-order", "photoIds"));
    }

    @Test
    void anOrderWithAMissingIdIsRefused() {
        fixture.given(plus(Story.draft(), attached(LEAD_PHOTO), attached(BOAT_PHOTO)))
                .when(new ReorderPhotos(ID, Arrays.asList(BOAT, null)))
                .expectNoEvents()
                .expectException(invalid("invalid-photo-order", "photoIds"));
    }

    @Test
    void theCurrentOrderIsNothingToChange() {
        fixture.given(threePhotos())
                .when(new ReorderPhotos(ID, List.of(LEAD, BOAT, ROME.photoId())))
                .expectNoEvents()
                .expectException(violation("nothing-to-revise"));
    }

    @Test
    void aPhotoAttachedAfterAReorderGoesLast() {
        Photo added = new Photo(new PhotoId("added"), ROME.uri(), "Added", "AFP", "");
        fixture.given(plus(
                        Story.readyToPublish(),
                        new PhotosReordered(ID, List.of(BOAT, LEAD)),
                        new PhotoAttached(ID, added.photoId(), added.uri(), "Added", "AFP", ""),
                        new ArticleSubmittedForReview(ID, null)))
                .when(new PublishArticle(ID, null, null))
                .expectEvents(new ArticlePublished(
                        ID,
                        1,
                        SLUG,
                        null,
                        null,
                        new ArticleContent(
                                HEADLINE,
                                STANDFIRST,
                                BODY,
                                "en",
                                List.of(BOAT_PHOTO, LEAD_PHOTO, added),
                                List.of(BYLINE))));
    }

    @Test
    void aNewLeadIsSomethingToRepublish() {
        fixture.given(plus(Story.published(), new PhotosReordered(ID, List.of(BOAT, LEAD))))
                .when(new PublishArticle(ID, ChangeKind.UPDATE, null))
                .expectEvents(new ArticlePublished(
                        ID,
                        2,
                        SLUG,
                        ChangeKind.UPDATE,
                        null,
                        new ArticleContent(
                                HEADLINE, STANDFIRST, BODY, "en", List.of(BOAT_PHOTO, LEAD_PHOTO), List.of(BYLINE))));
    }

    @Test
    void afterARepublicationThePhotosHaveNothingNewToPublish() {
        fixture.given(plus(
                        Story.published(),
                        new PhotosReordered(ID, List.of(BOAT, LEAD)),
                        new ArticlePublished(
                                ID,
                                2,
                                SLUG,
                                ChangeKind.UPDATE,
                                null,
                                new ArticleContent(
                                        HEADLINE,
                                        STANDFIRST,
                                        BODY,
                                        "en",
                                        List.of(BOAT_PHOTO, LEAD_PHOTO),
                                        List.of(BYLINE)))))
                .when(new PublishArticle(ID, ChangeKind.UPDATE, null))
                .expectNoEvents()
                .expectException(violation("nothing-to-publish"));
    }

    @Test
    void aKilledArticleTakesNoNewOrder() {
        fixture.given(Story.killed())
                .when(new ReorderPhotos(ID, List.of(BOAT, LEAD)))
                .expectNoEvents()
                .expectException(violation("article-killed"));
    }
}
