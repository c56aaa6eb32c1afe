package org.newsroom.query.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsroom.query.TestEvents.at;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.Byline;
import org.newsroom.article.BylineAssigned;
import org.newsroom.article.ChangesRequested;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoDetached;
import org.newsroom.article.PhotoId;
import org.newsroom.article.PhotoUpdated;
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

    private EditorialArticle stored() {
        return Documents.fromDocument(raw(), EditorialArticle.class);
    }
}
