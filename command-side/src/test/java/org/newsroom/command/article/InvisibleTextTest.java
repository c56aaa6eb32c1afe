package org.newsroom.command.article;

import static org.newsroom.command.article.Rejections.invalid;
import static org.newsroom.command.article.Rejections.violation;
import static org.newsroom.command.article.Story.ID;
import static org.newsroom.command.article.Story.LEAD_PHOTO;
import static org.newsroom.command.article.Story.plus;

import java.util.List;

import org.assertj.core.api.Assertions;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.Byline;
import org.newsroom.article.BylineAssigned;
import org.newsroom.article.PhotoAttached;

/**
 * Required text must be visible: a headline, caption, credit or byline of zero-width or other invisible characters is
 * as blank as one of spaces, and so is a body whose text is; names and credits may not carry bidirectional controls.
 */
class InvisibleTextTest {

    /** Each only invisible: zero-width space, joiner, non-joiner, word joiner, BOM, no-break spaces, fillers, soft hyphen. */
    private static final List<String> INVISIBLE = List.of(
            "\u200B\u200B\u200B",
            "\u200D\u200C\u2060",
            "\uFEFF",
            "\u00A0\u202F\u2007",
            "\u3164\u115F\u1160\uFFA0",
            "\u2800",
            "\u00AD\u034F\uFE0F",
            "\u180E \u200B",
            "\u202E\u2066\u2069\u200F");

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    @Test
    void aHeadlineOfInvisibleCharactersIsBlank() {
        for (String invisible : INVISIBLE) {
            fixture.givenNoPriorActivity()
                    .when(new DraftArticle(ID, invisible, null, null, null))
                    .expectNoEvents()
                    .expectException(invalid("invalid-headline", "headline"));
        }
    }

    @Test
    void aCaptionOrCreditOfInvisibleCharactersIsBlank() {
        for (String invisible : INVISIBLE) {
            fixture.given(Story.draft())
                    .when(new AttachPhoto(ID, LEAD_PHOTO.photoId(), LEAD_PHOTO.uri(), invisible, "AFP", null))
                    .expectNoEvents()
                    .expectException(invalid("invalid-caption", "caption"));
            fixture.given(Story.draft())
                    .when(new AttachPhoto(ID, LEAD_PHOTO.photoId(), LEAD_PHOTO.uri(), "Caption", invisible, null))
                    .expectNoEvents()
                    .expectException(invalid("invalid-credit", "credit"));
        }
    }

    @Test
    void aBylineNameOfInvisibleCharactersIsBlank() {
        for (String invisible : INVISIBLE) {
            fixture.given(Story.draft())
                    .when(new AssignByline(ID, List.of(new Byline(invisible, "author", "AFP"))))
                    .expectNoEvents()
                    .expectException(invalid("invalid-byline", "bylines[0].name"));
        }
    }

    @Test
    void aBodyWhoseTextIsInvisibleCannotBePublished() {
        String body = "<p>\u200B\u200B</p><p>\u2060\uFEFF\u00A0</p>";
        fixture.given(plus(Story.readyToPublish(), new ArticleRevised(ID, null, null, body, null)))
                .when(new PublishArticle(ID, null, null))
                .expectNoEvents()
                .expectException(violation("body-missing"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u202E", "\u202A", "\u202B", "\u202C", "\u202D", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E",
                "\u200F", "\u061C"
            })
    void namesAndCreditsRefuseBidirectionalControls(String control) {
        fixture.given(Story.draft())
                .when(new AssignByline(ID, List.of(new Byline("Angus " + control + "MacKinnon", "author", "AFP"))))
                .expectNoEvents()
                .expectException(invalid("invalid-byline", "bylines[0].name"));
        fixture.given(Story.draft())
                .when(new AssignByline(ID, List.of(new Byline("Angus MacKinnon", "author", "AF" + control + "P"))))
                .expectNoEvents()
                .expectException(invalid("invalid-byline", "bylines[0].affiliation"));
        fixture.given(Story.draft())
                .when(new AttachPhoto(
                        ID, LEAD_PHOTO.photoId(), LEAD_PHOTO.uri(), "Caption", "Reuters" + control + "gpj.", null))
                .expectNoEvents()
                .expectException(invalid("invalid-credit", "credit"));
    }

    @Test
    void visibleTextInAnyScriptPasses() {
        fixture.given(Story.draft())
                .when(new AssignByline(
                        ID, List.of(new Byline("محمد الأمين", null, "وكالة"), new Byline("李明", null, null))))
                .expectEvents(new BylineAssigned(
                        ID, List.of(new Byline("محمد الأمين", null, "وكالة"), new Byline("李明", null, null))));
        fixture.given(Story.draft())
                .when(new AttachPhoto(ID, LEAD_PHOTO.photoId(), LEAD_PHOTO.uri(), "\u200B.", "AFP", null))
                .expectEvents(new PhotoAttached(ID, LEAD_PHOTO.photoId(), LEAD_PHOTO.uri(), "\u200B.", "AFP", ""));
    }

    @Test
    void visibilityFollowsUnicodeCategories() {
        Assertions.assertThat(VisibleText.isVisible("a")).isTrue();
        Assertions.assertThat(VisibleText.isVisible("\u200B a \u200B")).isTrue();
        Assertions.assertThat(VisibleText.isVisible(" \t\n\u3000")).isFalse();
        Assertions.assertThat(VisibleText.isVisible("\uDB40\uDC41"))
                .as("a tag character")
                .isFalse();
    }
}
