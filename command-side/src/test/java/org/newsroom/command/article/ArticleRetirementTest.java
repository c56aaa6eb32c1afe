package org.newsroom.command.article;

import static org.newsroom.command.article.Rejections.invalid;
import static org.newsroom.command.article.Rejections.violation;
import static org.newsroom.command.article.Story.BYLINE;
import static org.newsroom.command.article.Story.ID;
import static org.newsroom.command.article.Story.LEAD_PHOTO;

import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.PhotoId;

class ArticleRetirementTest {

    private static final String REASON = "The minister's office disputes the quotes; pending legal review";
    private static final String NOTICE = "This article has been withdrawn for legal reasons.";

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    @Test
    void canUnpublishAPublishedArticle() {
        fixture.given(Story.published())
                .when(new UnpublishArticle(ID, REASON))
                .expectEvents(new ArticleUnpublished(ID, REASON));
    }

    @ParameterizedTest
    @MethodSource("notPublished")
    void cannotUnpublishUnlessPublished(List<Object> history) {
        fixture.given(history)
                .when(new UnpublishArticle(ID, REASON))
                .expectNoEvents()
                .expectException(violation("not-published"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void cannotUnpublishWithoutAReason(String reason) {
        fixture.given(Story.published())
                .when(new UnpublishArticle(ID, reason))
                .expectNoEvents()
                .expectException(invalid("invalid-reason", "reason"));
    }

    @Test
    void cannotUnpublishWithAReasonOver2000Characters() {
        fixture.given(Story.published())
                .when(new UnpublishArticle(ID, "r".repeat(2_001)))
                .expectNoEvents()
                .expectException(invalid("invalid-reason", "reason"));
    }

    @ParameterizedTest
    @MethodSource("alive")
    void canKillAnArticleInAnyState(List<Object> history) {
        fixture.given(history)
                .when(new KillArticle(ID, REASON, NOTICE))
                .expectEvents(new ArticleKilled(ID, REASON, NOTICE));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void cannotKillWithoutAReason(String reason) {
        fixture.given(Story.published())
                .when(new KillArticle(ID, reason, NOTICE))
                .expectNoEvents()
                .expectException(invalid("invalid-reason", "reason"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void cannotKillWithoutAPublicNotice(String notice) {
        fixture.given(Story.published())
                .when(new KillArticle(ID, REASON, notice))
                .expectNoEvents()
                .expectException(invalid("invalid-notice", "notice"));
    }

    @Test
    void cannotKillWithTextsOver2000Characters() {
        fixture.given(Story.published())
                .when(new KillArticle(ID, "r".repeat(2_001), NOTICE))
                .expectNoEvents()
                .expectException(invalid("invalid-reason", "reason"));
        fixture.given(Story.published())
                .when(new KillArticle(ID, REASON, "n".repeat(2_001)))
                .expectNoEvents()
                .expectException(invalid("invalid-notice", "notice"));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void cannotDoAnythingOnceKilled(Object command) {
        fixture.given(Story.killed())
                .when(command)
                .expectNoEvents()
                .expectException(violation("article-killed"))
                .expectExceptionMessage("Article " + ID + " was killed and accepts nothing more");
    }

    static Stream<Named<List<Object>>> notPublished() {
        return Stream.of(
                Named.of("draft", Story.draft()),
                Named.of("in review", Story.inReview()),
                Named.of("unpublished", Story.unpublished()));
    }

    static Stream<Named<List<Object>>> alive() {
        return Stream.of(
                Named.of("draft", Story.draft()),
                Named.of("in review", Story.inReview()),
                Named.of("published", Story.published()),
                Named.of("unpublished", Story.unpublished()));
    }

    static Stream<Object> everyCommand() {
        PhotoId lead = LEAD_PHOTO.photoId();
        return Stream.of(
                new ReviseArticle(ID, "Another headline", null, null, null),
                new AttachPhoto(ID, new PhotoId("new"), "https://images.example.com/a.jpg", "Caption", "AFP", null),
                new UpdatePhoto(ID, lead, "Another caption", null, null),
                new DetachPhoto(ID, lead),
                new AssignByline(ID, List.of(BYLINE)),
                new SubmitForReview(ID, null),
                new RequestChanges(ID, "Note"),
                new PublishArticle(ID, ChangeKind.UPDATE, null),
                new UnpublishArticle(ID, REASON),
                new KillArticle(ID, REASON, NOTICE));
    }
}
