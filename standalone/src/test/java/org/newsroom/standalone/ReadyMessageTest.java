package org.newsroom.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadyMessageTest {

    @Test
    void theUiAddressCarriesTheActualPortAndTheContextPath() {
        assertThat(ReadyMessage.uiAddress("http", "localhost", 18412, "")).isEqualTo("http://localhost:18412/ui/");
        assertThat(ReadyMessage.uiAddress("https", "10.0.0.7", 443, "/news/"))
                .isEqualTo("https://10.0.0.7:443/news/ui/");
        assertThat(ReadyMessage.uiAddress("http", "localhost", 8080, null)).isEqualTo("http://localhost:8080/ui/");
    }

    @Test
    void withDemoUsersItNamesThemAndTheDefaultPassword() {
        assertThat(ReadyMessage.text("http://localhost:8080/ui/", true, false))
                .isEqualTo("Newsroom is ready: http://localhost:8080/ui/ (demo users reporter, editor, auditor,"
                        + " integrator, operator, ingest, partner; password newsroom, or set NEWSROOM_DEMO_PASSWORD)");
    }

    @Test
    void aPasswordThatWasSetIsNotTheDefaultOne() {
        assertThat(ReadyMessage.text("http://localhost:8080/ui/", true, true))
                .contains("demo users reporter, editor, auditor, integrator, operator")
                .contains("as set in NEWSROOM_DEMO_PASSWORD")
                .doesNotContain("password newsroom");
    }

    @Test
    void withoutDemoUsersItGivesTheAddressOnly() {
        assertThat(ReadyMessage.text("http://localhost:8080/ui/", false, false))
                .isEqualTo("Newsroom is ready: http://localhost:8080/ui/");
    }
}
