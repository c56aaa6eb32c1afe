package org.newsroom.query.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import org.junit.jupiter.api.Test;
import org.newsroom.article.ArticleId;
import org.newsroom.article.PhotoId;
import org.newsroom.command.article.AttachPhoto;
import org.newsroom.command.media.MediaUploads;
import org.newsroom.media.MediaUploaded;
import org.newsroom.query.Http;
import org.newsroom.query.QuerySideIT;
import org.newsroom.query.SampleStory;
import org.newsroom.testing.TestImages;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /media/{mediaId}/{rendition}}: private until published, then public and immutable, with 304s. */
class MediaFilesIT extends QuerySideIT {

    @Autowired
    MediaUploads uploads;

    private MediaUploaded upload() {
        return uploads.upload(new ByteArrayInputStream(TestImages.jpeg(1000, 750)))
                .uploaded();
    }

    @Test
    void anImageNoPublicationCarriesIsForReportersAndEditorsOnlyAndNeverCached() {
        MediaUploaded image = upload();
        long position = engine.knownHeadPosition();
        String path = "/media/" + image.mediaId().value() + "/320?atLeast=" + position;

        Http.Response reporter = http.get(path, "reporter");
        Http.Response anonymous = http.get(path, null);
        Http.Response auditor = http.get(path, "auditor");

        assertThat(reporter.status()).isEqualTo(200);
        assertThat(reporter.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(reporter.header("Cache-Control")).contains("no-store").contains("private");
        assertThat(anonymous.status()).isEqualTo(404);
        assertThat(auditor.status()).isEqualTo(404);
    }

    @Test
    void aPublishedImageIsPublicImmutableAndAnswersNotModified() {
        MediaUploaded image = upload();
        ArticleId id = new ArticleId("m1000001-media-files");
        send("reporter", SampleStory.draft(id));
        send(
                "reporter",
                new AttachPhoto(
                        id,
                        new PhotoId("lead"),
                        "https://newsroom.example/media/" + image.mediaId().value() + "/original",
                        "Caption",
                        "AFP",
                        "",
                        image.mediaId(),
                        image.renditions(),
                        null));
        send("editor", SampleStory.byline(id));
        long published = send("editor", SampleStory.publishWithoutReview(id));
        String path = "/media/" + image.mediaId().value() + "/800";

        Http.Response first = http.get(path + "?atLeast=" + published, null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
        assertThat(first.header("ETag")).isEqualTo("\"" + image.sha256() + "-800\"");
        assertThat(http.get(path, null, "If-None-Match", first.header("ETag")).status())
                .isEqualTo(304);
        assertThat(http.get("/media/" + image.mediaId().value() + "/1600", null).status())
                .as("a rendition the image does not have")
                .isEqualTo(404);
    }

    @Test
    void anUnknownImageIsNotFound() {
        assertThat(http.get("/media/no-such-image/original", "editor").status()).isEqualTo(404);
    }
}
