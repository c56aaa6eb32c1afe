package org.newsroom.command.article;

import static org.newsroom.command.article.Rejections.invalid;
import static org.newsroom.command.article.Rejections.violation;
import static org.newsroom.command.article.Story.ID;
import static org.newsroom.command.article.Story.plus;

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
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ChangesRequested;

class ArticleReviewTest {

    private static final String NOTE = "Please check the spelling of Kadhafi";

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    @Test
    void canSubmitADraftForReview() {
        fixture.given(Story.draft())
                .when(new SubmitForReview(ID, "Ready for the 6pm update"))
                .expectEvents(new ArticleSubmittedForReview(ID, "Ready for the 6pm update"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void canSubmitForReviewWithoutANote(String note) {
        fixture.given(Story.draft())
                .when(new SubmitForReview(ID, note))
                .expectEvents(new ArticleSubmittedForReview(ID, null));
    }

    @Test
    void canSubmitAgainAfterChangesWereRequested() {
        fixture.given(plus(Story.inReview(), new ChangesRequested(ID, NOTE)))
                .when(new SubmitForReview(ID, "Fixed"))
                .expectEvents(new ArticleSubmittedForReview(ID, "Fixed"));
    }

    @Test
    void cannotSubmitForReviewWithANoteOver2000Characters() {
        fixture.given(Story.draft())
                .when(new SubmitForReview(ID, "n".repeat(2_001)))
                .expectNoEvents()
                .expectException(invalid("invalid-note", "note"));
    }

    @ParameterizedTest
    @MethodSource("notDrafts")
    void cannotSubmitForReviewUnlessADraft(List<Object> history) {
        fixture.given(history)
                .when(new SubmitForReview(ID, null))
                .expectNoEvents()
                .expectException(violation("not-a-draft"));
    }

    @Test
    void canRequestChangesToAnArticleInReview() {
        fixture.given(Story.inReview()).when(new RequestChanges(ID, NOTE)).expectEvents(new ChangesRequested(ID, NOTE));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void cannotRequestChangesWithoutANote(String note) {
        fixture.given(Story.inReview())
                .when(new RequestChanges(ID, note))
                .expectNoEvents()
                .expectException(invalid("invalid-note", "note"));
    }

    @Test
    void cannotRequestChangesWithANoteOver2000Characters() {
        fixture.given(Story.inReview())
                .when(new RequestChanges(ID, "n".repeat(2_001)))
                .expectNoEvents()
                .expectException(invalid("invalid-note", "note"));
    }

    @ParameterizedTest
    @MethodSource("notInReview")
    void cannotRequestChangesUnlessInReview(List<Object> history) {
        fixture.given(history)
                .when(new RequestChanges(ID, NOTE))
                .expectNoEvents()
                .expectException(violation("not-in-review"));
    }

    static Stream<Named<List<Object>>> notDrafts() {
        return Stream.of(
                Named.of("in review", Story.inReview()),
                Named.of("published", Story.published()),
                Named.of("unpublished", Story.unpublished()));
    }

    static Stream<Named<List<Object>>> notInReview() {
        return Stream.of(
                Named.of("draft", Story.draft()),
                Named.of("back to draft", plus(Story.inReview(), new ChangesRequested(ID, NOTE))),
                Named.of("published", Story.published()),
                Named.of("unpublished", Story.unpublished()));
    }
}
