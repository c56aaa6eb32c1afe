package org.newsroom.command.article;

import static org.newsroom.command.article.Rejections.invalid;
import static org.newsroom.command.article.Rejections.violation;
import static org.newsroom.command.article.Story.ID;
import static org.newsroom.command.article.Story.plus;

import java.util.List;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ChangesRequested;
import org.newsroom.article.CommentAdded;

class ArticleConversationTest {

    private static final String QUESTION = "Can we get a second source for the Rome meeting?";

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    static Stream<List<Object>> everyStateButKilled() {
        return Stream.of(
                Story.draft(),
                Story.inReview(),
                plus(Story.inReview(), new ChangesRequested(ID, "Attribute the quote")),
                Story.published(),
                Story.unpublished());
    }

    @ParameterizedTest
    @MethodSource("everyStateButKilled")
    void canCommentInEveryStateButKilled(List<Object> history) {
        fixture.given(history)
                .when(new AddComment(ID, "c1", QUESTION))
                .expectEvents(new CommentAdded(ID, "c1", QUESTION));
    }

    @Test
    void keepsTheTextExactlyAsWrittenLineBreaksAndAllUpTo5000Characters() {
        String text = "Two things:\n\t1. the caption\r\n2. 🇮🇹 " + "é".repeat(4_960);

        fixture.given(Story.draft())
                .when(new AddComment(ID, "c1", text))
                .expectEvents(new CommentAdded(ID, "c1", text));
        fixture.given(Story.draft())
                .when(new AddComment(ID, "c2", "😀".repeat(5_000)))
                .expectEvents(new CommentAdded(ID, "c2", "😀".repeat(5_000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " \n\t "})
    void cannotCommentWithNothingToRead(String text) {
        fixture.given(Story.draft())
                .when(new AddComment(ID, "c1", text))
                .expectNoEvents()
                .expectException(invalid("invalid-comment", "text"));
    }

    @Test
    void cannotCommentWithMoreThan5000Characters() {
        fixture.given(Story.draft())
                .when(new AddComment(ID, "c1", "😀".repeat(5_001)))
                .expectNoEvents()
                .expectException(invalid("invalid-comment", "text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bell\u0007", "Lone \uD800 high", "\u001b[31mRed"})
    void cannotCommentWithInvisibleControlsOrBrokenCharacters(String text) {
        fixture.given(Story.draft())
                .when(new AddComment(ID, "c1", text))
                .expectNoEvents()
                .expectException(invalid("invalid-comment", "text"));
    }

    @Test
    void cannotCommentWithoutACommentId() {
        fixture.given(Story.draft())
                .when(new AddComment(ID, " ", QUESTION))
                .expectNoEvents()
                .expectException(invalid("invalid-id", "commentId"));
    }

    @Test
    void cannotCommentOnAKilledArticle() {
        fixture.given(Story.killed())
                .when(new AddComment(ID, "c1", QUESTION))
                .expectNoEvents()
                .expectException(violation("article-killed"));
    }

    @Test
    void aCommentIsNoChangeToPublish() {
        fixture.given(plus(Story.published(), new CommentAdded(ID, "c1", QUESTION)))
                .when(new PublishArticle(ID, null, null))
                .expectNoEvents()
                .expectException(violation("nothing-to-publish"));
    }

    @Test
    void aCommentLeavesTheReviewWhereItWas() {
        fixture.given(plus(Story.inReview(), new CommentAdded(ID, "c1", QUESTION)))
                .when(new SubmitForReview(ID, null))
                .expectNoEvents()
                .expectException(violation("not-a-draft"));
        fixture.given(plus(Story.draft(), new CommentAdded(ID, "c1", QUESTION)))
                .when(new SubmitForReview(ID, "Ready"))
                .expectEvents(new ArticleSubmittedForReview(ID, "Ready"));
    }
}
