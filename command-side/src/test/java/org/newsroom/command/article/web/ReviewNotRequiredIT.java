package org.newsroom.command.article.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.command.CommandSideApplication;
import org.newsroom.command.article.web.StoryApi.Article;
import org.newsroom.testing.ApiClient;
import org.newsroom.testing.TempDirs;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An installation that does not require review ({@code newsroom.desk.review-required=false}) and lists its languages. */
@SpringBootTest(
        classes = CommandSideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "newsroom.security.bcrypt-strength=4",
            "spring.main.banner-mode=off",
            "newsroom.desk.review-required=false",
            "newsroom.desk.languages=en,de-CH,fr-CH"
        })
class ReviewNotRequiredIT {

    @LocalServerPort
    int port;

    @org.springframework.test.context.DynamicPropertySource
    static void dataDirectory(org.springframework.test.context.DynamicPropertyRegistry properties) {
        properties.add(
                "newsroom.data-dir",
                () -> TempDirs.create("newsroom-review-optional").toString());
    }

    @Test
    void anEditorPublishesADraftStraightAwayAndDraftsAreInTheInstallationsLanguages() {
        ApiClient editor = ApiClient.on(port).as("editor");
        StoryApi story = new StoryApi(editor);

        Article article = story.readyToPublish();

        assertThat(editor.post(article.path("/publish"), null).status()).isEqualTo(200);
        assertThat(editor.get("/api/languages").json().path("languages").findValuesAsText("tag"))
                .isEqualTo(List.of("en", "de-CH", "fr-CH"));
        assertThat(editor.post(
                                "/api/articles",
                                StoryApi.json(java.util.Map.of("headline", "Zürich", "language", "de-ch")))
                        .status())
                .isEqualTo(201);
        assertThat(editor.post("/api/articles", StoryApi.json(java.util.Map.of("headline", "Rome", "language", "it")))
                        .status())
                .isEqualTo(400);
    }
}
