package org.newsroom.query.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.PhotoId;
import org.newsroom.command.article.AttachPhoto;
import org.newsroom.command.article.KillArticle;
import org.newsroom.command.article.Publication;
import org.newsroom.command.article.PublishArticle;
import org.newsroom.command.article.ReviseArticle;
import org.newsroom.command.media.MediaUploads;
import org.newsroom.command.media.UploadedMedia;
import org.newsroom.media.MediaUploaded;
import org.newsroom.query.Http;
import org.newsroom.query.Ninjs;
import org.newsroom.query.QuerySideIT;
import org.newsroom.query.SampleStory;
import org.newsroom.testing.TestImages;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reader's page: the site's article and index as HTML to a browser (ninjs JSON otherwise), cacheable by anyone
 * for a minute with conditional GETs; the editors' preview of the working copy.
 */
class ReaderPageIT extends QuerySideIT {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired
    MediaUploads uploads;

    private MediaUploaded upload() {
        UploadedMedia media = uploads.upload(new ByteArrayInputStream(TestImages.jpeg(1200, 800)));
        return media.uploaded();
    }

    private AttachPhoto libraryPhoto(ArticleId id, MediaUploaded image, String caption) {
        return new AttachPhoto(
                id,
                new PhotoId("library-" + image.mediaId().value()),
                "https://newsroom.example/media/" + image.mediaId().value() + "/original",
                caption,
                "Philippe Wojazer/Pool/AFP",
                "General Khalifa Haftar in uniform",
                image.mediaId(),
                image.renditions(),
                null);
    }

    private String publishWithPhoto(ArticleId id, MediaUploaded image) {
        send("reporter", SampleStory.draft(id));
        send("reporter", libraryPhoto(id, image, "File photo of General Khalifa Haftar <script>alert(1)</script>"));
        send("editor", SampleStory.byline(id));
        Publication publication = sendFor("editor", SampleStory.publishWithoutReview(id));
        return publication.slug();
    }

    @Test
    void aBrowserGetsTheReadersPageWithTheLeadPhotosRenditionsAndAltText() {
        MediaUploaded image = upload();
        String slug = publishWithPhoto(new ArticleId("r1000001-reader-page"), image);
        long position = engine.knownHeadPosition();

        Http.Response page = http.get("/site/articles/" + slug + "?atLeast=" + position, null, "Accept", HTML);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        String media = "/media/" + image.mediaId().value();
        assertThat(page.body())
                .contains("<html lang=\"en\">")
                .contains("<header", "<main>", "<footer")
                .contains("<h1>" + SampleStory.HEADLINE + "</h1>")
                .contains("src=\"" + media + "/800\"")
                .contains(media + "/320 320w, " + media + "/800 800w, " + media + "/original 1200w")
                .contains("alt=\"General Khalifa Haftar in uniform\"")
                .contains("By Angus MacKinnon (AFP)")
                .contains("Haftar &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(page.body().split("<h1", -1)).as("one h1").hasSize(2);
        assertThat(page.header("Cache-Control")).isEqualTo("max-age=60, public, stale-while-revalidate=300");
        assertThat(page.header("Vary")).contains("Accept");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
    }

    @Test
    void jsonStaysNinjsWithEveryRenditionOfALibraryPhoto() {
        MediaUploaded image = upload();
        String slug = publishWithPhoto(new ArticleId("r2000002-reader-page"), image);
        long position = engine.knownHeadPosition();

        Http.Response answer = http.get("/site/articles/" + slug + "?atLeast=" + position, null);

        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.header("Cache-Control")).isEqualTo("max-age=60, public, stale-while-revalidate=300");
        JsonNode picture = Ninjs.valid(answer.json()).path("associations").get(0);
        assertThat(picture.path("renditions").findValuesAsText("name")).containsExactly("320", "800", "original");
        assertThat(picture.path("renditions").get(1).path("href").asText())
                .isEqualTo("https://newsroom.example/media/" + image.mediaId().value() + "/800");
        assertThat(picture.path("renditions").get(1).path("width").asInt()).isEqualTo(800);
        assertThat(picture.path("renditions").get(1).path("height").asInt()).isEqualTo(533);
        assertThat(picture.path("renditions").get(1).path("contentType").asText())
                .isEqualTo("image/jpeg");
    }

    @Test
    void thePageAnswersConditionalRequestsWithNotModified() {
        String slug = publishWithPhoto(new ArticleId("r3000003-reader-page"), upload());
        long position = engine.knownHeadPosition();
        Http.Response page = http.get("/site/articles/" + slug + "?atLeast=" + position, null, "Accept", HTML);
        Http.Response json = http.get("/site/articles/" + slug, null);

        assertThat(page.header("ETag")).startsWith("\"").isNotEqualTo(json.header("ETag"));
        assertThat(http.get("/site/articles/" + slug, null, "Accept", HTML, "If-None-Match", page.header("ETag"))
                        .status())
                .isEqualTo(304);
        assertThat(http.get(
                                "/site/articles/" + slug,
                                null,
                                "Accept",
                                HTML,
                                "If-Modified-Since",
                                page.header("Last-Modified"))
                        .status())
                .isEqualTo(304);
        assertThat(http.get("/site/articles/" + slug, null, "If-None-Match", json.header("ETag"))
                        .status())
                .isEqualTo(304);
    }

    @Test
    void aCorrectionIsShownWithItsDateAndAKilledArticleIsGoneWithItsNotice() {
        ArticleId id = new ArticleId("r4000004-reader-page");
        String slug = publishWithPhoto(id, upload());
        send("editor", new ReviseArticle(id, null, null, SampleStory.BODY.replace("Tuesday", "Wednesday"), null));
        send("editor", new PublishArticle(id, ChangeKind.CORRECTION, "The meeting was on Wednesday."));
        long corrected = engine.knownHeadPosition();

        String page = http.get("/site/articles/" + slug + "?atLeast=" + corrected, null, "Accept", HTML)
                .body();

        assertThat(page).contains("<h2 id=\"notes-title\">Corrections and clarifications</h2>");
        assertThat(page).contains("<strong>Correction</strong>").contains("The meeting was on Wednesday.");
        assertThat(page).containsPattern("<time datetime=\"\\d{4}-\\d{2}-\\d{2}T[^\"]+\">");

        long killed = send("editor", new KillArticle(id, "defamatory", "This article has been removed."));
        Http.Response gone = http.get("/site/articles/" + slug + "?atLeast=" + killed, null, "Accept", HTML);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.header("Content-Type")).startsWith("text/html");
        assertThat(gone.body()).contains("This article has been removed.");
    }

    @Test
    void anUnknownSlugIsANotFoundPage() {
        Http.Response missing = http.get("/site/articles/no-such-article", null, "Accept", HTML);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("text/html");
        assertThat(missing.body()).contains("<h1>Not found</h1>");
    }

    @Test
    void theIndexListsTheLatestPublicationsLinkedByTheirSlugs() {
        String slug = publishWithPhoto(new ArticleId("r5000005-reader-page"), upload());
        long position = engine.knownHeadPosition();

        Http.Response index = http.get("/site/?atLeast=" + position, null, "Accept", HTML);

        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("href=\"/site/articles/" + slug + "\"");
        assertThat(index.header("Cache-Control")).isEqualTo("max-age=60, public, stale-while-revalidate=300");
        assertThat(http.get("/site/", null, "If-None-Match", index.header("ETag"))
                        .status())
                .isEqualTo(304);
    }

    @Test
    void thePreviewShowsTheWorkingCopyToReportersAndEditorsOnly() {
        ArticleId id = new ArticleId("r6000006-reader-page");
        send("reporter", SampleStory.draft(id));
        long drafted = send("reporter", SampleStory.leadPhoto(id));

        Http.Response preview = http.get("/api/articles/" + id.value() + "/preview?atLeast=" + drafted, "reporter");

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.header("Content-Type")).startsWith("text/html");
        assertThat(preview.header("Cache-Control")).contains("no-store");
        assertThat(preview.header("X-Frame-Options")).isEqualTo("SAMEORIGIN");
        assertThat(preview.body())
                .contains("Preview")
                .contains("<h1>" + SampleStory.HEADLINE + "</h1>")
                .contains("src=\"" + SampleStory.LEAD_PHOTO_URI + "\"");
        assertThat(http.get("/api/articles/" + id.value() + "/preview", null).status())
                .isEqualTo(401);
        assertThat(http.get("/api/articles/" + id.value() + "/preview", "auditor")
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/articles/no-such/preview", "editor").status()).isEqualTo(404);
    }
}
