package org.newsroom.command.article;

import static org.newsroom.command.article.Rejections.invalid;
import static org.newsroom.command.article.Rejections.violation;
import static org.newsroom.command.article.Story.BODY;
import static org.newsroom.command.article.Story.HEADLINE;
import static org.newsroom.command.article.Story.ID;
import static org.newsroom.command.article.Story.SLUG;
import static org.newsroom.command.article.Story.STANDFIRST;
import static org.newsroom.command.article.Story.plus;

import java.util.List;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.ChangesRequested;

class ArticleRevisionTest {

    private static final String NEW_HEADLINE = "Haftar meets Italy's defence minister in Rome";

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    @Test
    void canReviseEveryField() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, NEW_HEADLINE, "New standfirst", "<p>New body</p>", "it"))
                .expectEvents(new ArticleRevised(ID, NEW_HEADLINE, "New standfirst", "<p>New body</p>", "it"));
    }

    @Test
    void canReviseOnlyTheFieldsThatChange() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, HEADLINE, STANDFIRST, BODY + "<p>Update</p>", "en"))
                .expectEvents(new ArticleRevised(ID, null, null, BODY + "<p>Update</p>", null));
    }

    @Test
    void canClearTheStandfirstAndTheBody() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, null, "", "", null))
                .expectEvents(new ArticleRevised(ID, null, "", "", null));
    }

    @Test
    void cannotReviseWithoutAnyField() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, null, null, null, null))
                .expectNoEvents()
                .expectException(violation("nothing-to-revise"));
    }

    @Test
    void cannotReviseToTheCurrentValues() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, HEADLINE, STANDFIRST, BODY, "en"))
                .expectNoEvents()
                .expectException(violation("nothing-to-revise"));
    }

    @Test
    void cannotReviseWithABlankHeadline() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, " ", null, null, null))
                .expectNoEvents()
                .expectException(invalid("invalid-headline", "headline"));
    }

    @Test
    void cannotReviseWithAHeadlineOver300Characters() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, "h".repeat(301), null, null, null))
                .expectNoEvents()
                .expectException(invalid("invalid-headline", "headline"));
    }

    @Test
    void cannotReviseWithAStandfirstOver1000Characters() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, null, "s".repeat(1_001), null, null))
                .expectNoEvents()
                .expectException(invalid("invalid-standfirst", "standfirst"));
    }

    @Test
    void cannotReviseWithDisallowedHtml() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, null, null, "<p onclick=\"alert(1)\">Rome</p>", null))
                .expectNoEvents()
                .expectException(invalid("invalid-body", "body"))
                .expectExceptionMessage("body: attribute onclick on <p> is not allowed");
    }

    @Test
    void cannotReviseWithABodyOver200000Characters() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, null, null, "b".repeat(200_001), null))
                .expectNoEvents()
                .expectException(invalid("invalid-body", "body"));
    }

    @Test
    void cannotReviseToAMalformedLanguage() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, null, null, null, "english_UK"))
                .expectNoEvents()
                .expectException(invalid("invalid-language", "language"));
    }

    @Test
    void cannotReviseToALanguageOutsideTheList() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, null, null, null, "xx-Klingon"))
                .expectNoEvents()
                .expectException(invalid("invalid-language", "language"));
    }

    @Test
    void canReviseTheTextOfAnArticleRecordedInALanguageNoLongerListed() {
        fixture.given(new ArticleDrafted(ID, HEADLINE, null, BODY, "English"))
                .when(new ReviseArticle(ID, NEW_HEADLINE, null, null, null))
                .expectEvents(new ArticleRevised(ID, NEW_HEADLINE, null, null, null));
    }

    @Test
    void canReviseToAListedLanguageInItsCanonicalForm() {
        fixture.given(Story.draft())
                .when(new ReviseArticle(ID, null, null, null, "FR"))
                .expectEvents(new ArticleRevised(ID, null, null, null, "fr"));
    }

    @Test
    void canReviseInReviewAndStayInReview() {
        fixture.given(plus(Story.inReview(), new ArticleRevised(ID, NEW_HEADLINE, null, null, null)))
                .when(new RequestChanges(ID, "Check the minister's name"))
                .expectEvents(new ChangesRequested(ID, "Check the minister's name"));
    }

    @Test
    void canReviseAPublishedArticleWhichStaysLive() {
        fixture.given(plus(Story.published(), new ArticleRevised(ID, NEW_HEADLINE, null, null, null)))
                .when(new UnpublishArticle(ID, "Legal review"))
                .expectEvents(new ArticleUnpublished(ID, "Legal review"));
    }

    @Test
    void canPublishTheRevisionOfAPublishedArticle() {
        ArticleContent revised = new ArticleContent(
                NEW_HEADLINE,
                STANDFIRST,
                BODY,
                "en",
                List.of(Story.LEAD_PHOTO, Story.BOAT_PHOTO),
                List.of(Story.BYLINE));

        fixture.given(Story.published())
                .andGivenCommands(new ReviseArticle(ID, NEW_HEADLINE, null, null, null))
                .when(new PublishArticle(ID, null, null))
                .expectEvents(new ArticlePublished(ID, 2, SLUG, ChangeKind.UPDATE, null, revised));
    }

    @Test
    void canReviseAtTheCurrentVersion() {
        fixture.given(Story.readyToPublish())
                .when(new ReviseArticle(ID, NEW_HEADLINE, null, null, null, 3L))
                .expectEvents(new ArticleRevised(ID, NEW_HEADLINE, null, null, null));
    }

    @Test
    void cannotReviseAStaleVersion() {
        fixture.given(Story.readyToPublish())
                .when(new ReviseArticle(ID, NEW_HEADLINE, null, null, null, 2L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void cannotReviseAVersionFromTheFuture() {
        fixture.given(Story.readyToPublish())
                .when(new ReviseArticle(ID, NEW_HEADLINE, null, null, null, 4L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }
}
