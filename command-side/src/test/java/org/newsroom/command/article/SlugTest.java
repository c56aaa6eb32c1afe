package org.newsroom.command.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsroom.article.ArticleId;

class SlugTest {

    private static final ArticleId ID = Story.ID;

    @Test
    void canNameTheStoryAfterItsHeadlineAndId() {
        assertThat(Slug.of(Story.HEADLINE, ID)).isEqualTo(Story.SLUG);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Économie : les députés votent à Zürich | economie-les-deputes-votent-a-zurich-4f1c2a9e",
                "Straße in Köln gesperrt                | strasse-in-koln-gesperrt-4f1c2a9e",
                "Ærø, Łódź and Œuvre                    | aero-lodz-and-oeuvre-4f1c2a9e",
                "São Paulo: Lula's 2nd term?            | sao-paulo-lula-s-2nd-term-4f1c2a9e",
                "“Remember the threats” – Haftar (LNA)! | remember-the-threats-haftar-lna-4f1c2a9e",
                "  --Rome--  ...  Tripoli--             | rome-tripoli-4f1c2a9e",
                "Хафтар в Риме                          | article-4f1c2a9e",
                "!!!                                    | article-4f1c2a9e"
            })
    void canSpellAnyHeadlineInLowerCaseAscii(String headline, String slug) {
        assertThat(Slug.of(headline, ID)).isEqualTo(slug);
    }

    @Test
    void canCutALongHeadlineAtAWordBoundary() {
        String headline = "Libyan military strongman Khalifa Haftar met Italy's defence minister and security chiefs"
                + " in Rome Tuesday";

        assertThat(Slug.of(headline, ID))
                .isEqualTo("libyan-military-strongman-khalifa-haftar-met-italy-s-defence-minister-and-4f1c2a9e");
    }

    @Test
    void canKeepAWordThatEndsExactlyAt80Characters() {
        String words = "a".repeat(69) + " " + "b".repeat(10);

        assertThat(Slug.of(words + " more", ID)).isEqualTo("a".repeat(69) + "-" + "b".repeat(10) + "-4f1c2a9e");
    }

    @Test
    void canCutASingleVeryLongWordAt80Characters() {
        assertThat(Slug.of("x".repeat(120), ID)).isEqualTo("x".repeat(80) + "-4f1c2a9e");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"ABCDEF12-3456-7890 | abcdef12", "a-1_b              | a1b", "Ünïcode-ID-42      | ncodeid4"})
    void canUseTheFirstEightLettersOrDigitsOfTheId(String id, String suffix) {
        assertThat(Slug.of("Rome", new ArticleId(id))).isEqualTo("rome-" + suffix);
    }

    @Test
    void canNameAnArticleWhoseIdHasNoLettersOrDigits() {
        assertThat(Slug.of("Rome", new ArticleId("---"))).isEqualTo("rome");
    }
}
