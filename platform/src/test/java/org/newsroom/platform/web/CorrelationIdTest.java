package org.newsroom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "desk-7.story_42", "0b7e4a51-36a6-4f1f-9a55-1e3f5c1a0d11"})
    void keepsASaneToken(String token) {
        assertThat(CorrelationId.acceptOrGenerate(token)).isEqualTo(token);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"with space", "<script>", "a/b", "tab\there", "line\nbreak", "é"})
    void replacesAnythingElseWithAUuid(String token) {
        assertThat(CorrelationId.acceptOrGenerate(token))
                .matches("[0-9a-f-]{36}")
                .isNotEqualTo(token);
    }

    @org.junit.jupiter.api.Test
    void acceptsAtMostOneHundredCharacters() {
        assertThat(CorrelationId.acceptOrGenerate("x".repeat(100))).isEqualTo("x".repeat(100));
        assertThat(CorrelationId.acceptOrGenerate("x".repeat(101))).matches("[0-9a-f-]{36}");
    }
}
