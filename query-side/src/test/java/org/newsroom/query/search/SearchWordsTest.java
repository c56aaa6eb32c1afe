package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void wordsAreLowerCaseWithoutAccentsAndSplitAtWhatIsNotALetterOrDigit() {
        assertThat(SearchWords.of("Ærø's STRAßE, São-Paulo 2026 & Łódź: Mönchengladbach!"))
                .containsExactly("aero", "strasse", "sao", "paulo", "2026", "lodz", "monchengladbach");
    }

    @Test
    void wordsOfOneCharacterAreLeftOutAndRepeatsCountOnce() {
        assertThat(SearchWords.of("a B c Rome rome ROME")).containsExactly("rome");
    }

    @Test
    void longWordsAreCut() {
        assertThat(SearchWords.of("x".repeat(100))).containsExactly("x".repeat(SearchWords.MAX_LENGTH));
    }

    @Test
    void theTextOfHtmlHasNoTagsAndItsCharacterReferencesDecoded() {
        assertThat(SearchWords.textOfHtml(
                        "<p>Rome&#8217;s <a href=\"https://x.example/haftar\">talks</a>&amp;more</p>"))
                .isEqualTo(" Rome’s  talks &more ");
        assertThat(SearchWords.of(SearchWords.textOfHtml("<p>Haftar</p><p>Rome</p>")))
                .containsExactly("haftar", "rome");
    }
}
