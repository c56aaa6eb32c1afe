package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.command.article.web.StoryApi.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.command.article.web.StoryApi.Article;

import com.fasterxml.jackson.databind.JsonNode;

/** Editors' browsers load photo URIs, so a photo may only point at a public host. */
class InternalPhotoUriIT extends CommandApiTestBase {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/a.jpg",
                "https://10.0.0.7/a.jpg",
                "http://169.254.169.254/latest/meta-data/",
                "https://192.168.1.20:8443/a.jpg",
                "https://198.18.0.1/a.jpg",
                "https://192.0.0.1/a.jpg",
                "https://240.0.0.1/a.jpg",
                "http://2130706433/a.jpg",
                "http://0177.0.0.1/a.jpg",
                "http://127.1/a.jpg",
                "http://0x7f.1/a.jpg",
                "http://[::1]/a.jpg",
                "http://[::ffff:10.0.0.1]/a.jpg",
                "http://[fd00::1]/a.jpg",
                "http://[2002:a00:1::1]/a.jpg",
                "http://[64:ff9b::a9fe:a9fe]/a.jpg",
                "http://localhost/a.jpg",
                "http://intranet/a.jpg",
                "http://photos.internal/a.jpg",
                "http://printer.local/a.jpg",
                "http://nas.home.arpa/a.jpg"
            })
    void aPhotoOnAnInternalHostIsRefusedNamingTheField(String uri) {
        Article article = story.draft();

        JsonNode error = refused(
                        400,
                        "validation-failed",
                        () -> reporter.post(
                                article.path("/photos"), json(StoryApi.photo(uri, "Caption", "Credit", null))))
                .json()
                .path("errors")
                .get(0);

        assertThat(error.path("field").asText()).isEqualTo("uri");
        assertThat(error.path("code").asText()).isEqualTo("public-uri");
        assertThat(error.path("message").asText()).startsWith("must point at a public host");
    }

    @Test
    void aPhotoOnAPublicHostIsAttached() {
        Article article = story.draft();

        assertThat(reporter.post(
                                article.path("/photos"),
                                json(StoryApi.photo("https://93.184.215.14/a.jpg", "Caption", "Credit", null)))
                        .status())
                .isEqualTo(201);
        assertThat(reporter.post(article.path("/photos"), json(StoryApi.LEAD_PHOTO))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void theRuleIsLiftedOnlyWhenPrivateUrisAreAllowedForTrials() {
        PublicUri.Validator strict = new PublicUri.Validator(false);
        PublicUri.Validator trial = new PublicUri.Validator(true);

        assertThat(PublicUri.Validator.refusal("http://10.0.0.7/a.jpg")).isPresent();
        assertThat(trial.isValid("http://10.0.0.7/a.jpg", null)).isTrue();
        assertThat(strict.isValid("javascript:alert(1)", null))
                .as("left to the content policy's invalid-photo-uri")
                .isTrue();
        assertThat(strict.isValid(null, null)).as("left to @NotNull").isTrue();
    }
}
