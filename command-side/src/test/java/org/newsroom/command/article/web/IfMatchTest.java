package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTest {

    @Test
    void theHttpVersionIsOneMoreThanAxonsSequenceNumber() {
        assertThat(IfMatch.expectedVersion("\"1\"")).isZero();
        assertThat(IfMatch.expectedVersion("\"3\"")).isEqualTo(2L);
        assertThat(IfMatch.expectedVersion(" \"12\" ")).isEqualTo(11L);
    }

    @Test
    void noHeaderOrAStarMeansUnconditional() {
        assertThat(IfMatch.expectedVersion(null)).isNull();
        assertThat(IfMatch.expectedVersion("*")).isNull();
    }

    @Test
    void versionZeroMatchesNoArticle() {
        assertThat(IfMatch.expectedVersion("\"0\"")).isEqualTo(-1L);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"3", "W/\"3\"", "\"3\", \"4\"", "\"three\"", "\"\"", "\"-1\"", "\"99999999999999999999\"", ""})
    void anythingButOneStrongNumericTagIsInvalid(String header) {
        assertThatThrownBy(() -> IfMatch.expectedVersion(header)).isInstanceOf(IfMatch.Invalid.class);
    }

    @Test
    void aNewArticleCannotMatchAnyTag() {
        IfMatch.requireAbsentForNewArticle(null);
        assertThatThrownBy(() -> IfMatch.requireAbsentForNewArticle("*")).isInstanceOf(IfMatch.NoVersionYet.class);
    }
}
