package org.newsroom.command.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.Byline;
import org.newsroom.article.BylineAssigned;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoId;

final class Story {

    static final ArticleId ID = new ArticleId("4f1c2a9e-6b1d-4c55-9a53-2d0f3e8b7c10");
    static final String HEADLINE = "Italy security chiefs meet Libyan military strongman Haftar";
    static final String STANDFIRST = "Libyan military strongman Khalifa Haftar met Italy's defence minister and"
            + " security chiefs in Rome Tuesday, bolstering his stature as a key player in international efforts to"
            + " stabilize his troubled country.";
    static final String BODY = resource("/stories/afp-haftar-rome.html");
    static final String SLUG = "italy-security-chiefs-meet-libyan-military-strongman-haftar-4f1c2a9e";

    static final Photo LEAD_PHOTO = new Photo(
            new PhotoId("haftar-file"),
            "https://images.example.com/afp/haftar.jpg",
            "File photo of General Khalifa Haftar, commander in the Libyan National Army (LNA).",
            "Philippe Wojazer/Pool/AFP",
            "General Khalifa Haftar in uniform");
    static final Photo BOAT_PHOTO = new Photo(
            new PhotoId("life-boat"),
            "https://images.example.com/afp/life-boat.jpg",
            "A life boat carries the bodies of refugees and migrants who died during the oversea journey.",
            "Aris Messinis/AFP",
            "");
    static final Byline BYLINE = new Byline("Angus MacKinnon", "author", "AFP");

    private Story() {}

    static ArticleDrafted drafted() {
        return new ArticleDrafted(ID, HEADLINE, STANDFIRST, BODY, "en");
    }

    static PhotoAttached attached(Photo photo) {
        return new PhotoAttached(ID, photo.photoId(), photo.uri(), photo.caption(), photo.credit(), photo.altText());
    }

    static BylineAssigned bylineAssigned() {
        return new BylineAssigned(ID, List.of(BYLINE));
    }

    static ArticleContent content() {
        return new ArticleContent(HEADLINE, STANDFIRST, BODY, "en", List.of(LEAD_PHOTO, BOAT_PHOTO), List.of(BYLINE));
    }

    static ArticlePublished firstPublication() {
        return new ArticlePublished(ID, 1, SLUG, null, null, content());
    }

    static List<Object> draft() {
        return List.of(drafted());
    }

    static List<Object> readyToPublish() {
        return List.of(drafted(), attached(LEAD_PHOTO), attached(BOAT_PHOTO), bylineAssigned());
    }

    static List<Object> inReview() {
        return plus(readyToPublish(), new ArticleSubmittedForReview(ID, null));
    }

    static List<Object> published() {
        return plus(readyToPublish(), firstPublication());
    }

    static List<Object> unpublished() {
        return plus(published(), new ArticleUnpublished(ID, "Legal review"));
    }

    static List<Object> killed() {
        return plus(published(), new ArticleKilled(ID, "Legal", "This article was withdrawn."));
    }

    static List<Object> plus(List<Object> history, Object... events) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(events));
        return all;
    }

    private static String resource(String name) {
        try (InputStream in = Story.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
