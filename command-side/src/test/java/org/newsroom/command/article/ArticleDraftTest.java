package org.newsroom.command.article;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsroom.command.article.Rejections.invalid;
import static org.newsroom.command.article.Story.BODY;
import static org.newsroom.command.article.Story.HEADLINE;
import static org.newsroom.command.article.Story.ID;
import static org.newsroom.command.article.Story.STANDFIRST;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.article.ArticleDrafted;

class ArticleDraftTest {

    private final FixtureConfiguration<Article> fixture = new AggregateTestFixture<>(Article.class);

    @Test
    void canDraftTheStory() {
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, STANDFIRST, BODY, "en"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ArticleDrafted(ID, HEADLINE, STANDFIRST, BODY, "en"))
                .expectResultMessagePayload(ID);
    }

    @Test
    void canDraftWithOnlyAHeadline() {
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, null, null, null))
                .expectEvents(new ArticleDrafted(ID, HEADLINE, "", "", "en"));
    }

    @Test
    void canDraftKeepingTheBodyExactlyAsSent() {
        String body = "<P>Rome,   Tuesday</P>\n<p>Haftar met<br/>Pinotti.";

        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, null, body, "en"))
                .expectEvents(new ArticleDrafted(ID, HEADLINE, "", body, "en"));
    }

    @ParameterizedTest
    @CsvSource({"it, it", "pt-BR, pt-BR", "EN-gb, en-GB", "zh-hant, zh-Hant", "es-419, es-419", "iw, he"})
    void canDraftInAnyLanguageOfTheDefaultListRecordingItsCanonicalTag(String language, String recorded) {
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, null, null, language))
                .expectEvents(new ArticleDrafted(ID, HEADLINE, "", "", recorded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"English", "xx-Klingon", "zh-Hant-TW", "de-CH-1996", "tlh", "en-US-x-twain"})
    void cannotDraftInAWellFormedLanguageOutsideTheList(String language) {
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, null, null, language))
                .expectNoEvents()
                .expectException(invalid("invalid-language", "language"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "und", "en_US", "e", "123", "-en", "en-", " en"})
    void cannotDraftInAMalformedLanguage(String language) {
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, null, null, language))
                .expectNoEvents()
                .expectException(invalid("invalid-language", "language"));
    }

    @Test
    void canDraftInALanguageOfTheInstallationsOwnListWhoseFirstIsTheDefault() {
        LanguageList swiss = new LanguageList(List.of("de-CH", "fr-CH", "de-CH-1996"));

        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, null, null, "de-ch-1996", swiss))
                .expectEvents(new ArticleDrafted(ID, HEADLINE, "", "", "de-CH-1996"));
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, null, null, null, swiss))
                .expectEvents(new ArticleDrafted(ID, HEADLINE, "", "", "de-CH"));
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, null, null, "en", swiss))
                .expectNoEvents()
                .expectException(invalid("invalid-language", "language"));
    }

    @Test
    void aListOfLanguagesRefusesAnIllFormedTagAtOnce() {
        assertThatThrownBy(() -> new LanguageList(List.of("en", "en_GB")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("en_GB");
        assertThatThrownBy(() -> new LanguageList(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Breaking\u0000news",
                "Bell\u0007",
                "\u001b[31mRed",
                "Del\u007f",
                "Next\u0085line",
                "Lone \uD800 high",
                "Lone \uDC00 low",
                "Ends high \uD83D"
            })
    void cannotDraftTextWithInvisibleControlsOrBrokenCharacters(String text) {
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, text, null, null, null))
                .expectNoEvents()
                .expectException(invalid("invalid-headline", "headline"));
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, text, null, null))
                .expectNoEvents()
                .expectException(invalid("invalid-standfirst", "standfirst"));
    }

    @Test
    void canDraftTextWithTabsLineBreaksAndEmoji() {
        String standfirst = "Rome,\tTuesday\r\nHaftar \uD83D\uDCF0 met Pinotti.";

        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, standfirst, null, null))
                .expectEvents(new ArticleDrafted(ID, HEADLINE, standfirst, "", "en"));
    }

    @Test
    void canDraftWithAHeadlineOf300Characters() {
        String headline = "\uD83D\uDCF0".repeat(300);

        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, headline, null, null, null))
                .expectEvents(new ArticleDrafted(ID, headline, "", "", "en"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void cannotDraftWithoutAHeadline(String headline) {
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, headline, null, BODY, null))
                .expectNoEvents()
                .expectException(invalid("invalid-headline", "headline"));
    }

    @Test
    void cannotDraftWithAHeadlineOver300Characters() {
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, "h".repeat(301), null, null, null))
                .expectNoEvents()
                .expectException(invalid("invalid-headline", "headline"))
                .expectExceptionMessage("headline is 301 characters long; at most 300 are allowed");
    }

    @Test
    void canDraftWithAStandfirstOf1000Characters() {
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, "s".repeat(1_000), null, null))
                .expectEvents(new ArticleDrafted(ID, HEADLINE, "s".repeat(1_000), "", "en"));
    }

    @Test
    void cannotDraftWithAStandfirstOver1000Characters() {
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, "s".repeat(1_001), null, null))
                .expectNoEvents()
                .expectException(invalid("invalid-standfirst", "standfirst"));
    }

    @Test
    void canDraftWithABodyOf200000Characters() {
        String body = "<p>" + "b".repeat(200_000 - 7) + "</p>";

        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, null, body, null))
                .expectEvents(new ArticleDrafted(ID, HEADLINE, "", body, "en"));
    }

    @Test
    void cannotDraftWithABodyOver200000Characters() {
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, null, "<p>" + "b".repeat(200_000 - 6) + "</p>", null))
                .expectNoEvents()
                .expectException(invalid("invalid-body", "body"));
    }

    @Test
    void cannotDraftWithDisallowedHtml() {
        fixture.givenNoPriorActivity()
                .when(new DraftArticle(ID, HEADLINE, null, "<p>Rome</p><script>alert(1)</script>", null))
                .expectNoEvents()
                .expectException(invalid("invalid-body", "body"))
                .expectExceptionMessage("body contains <script>, which is not allowed");
    }
}
