package org.newsroom.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.newsroom.article.ArticleId;
import org.newsroom.article.Byline;
import org.newsroom.article.PhotoId;
import org.newsroom.command.article.AssignByline;
import org.newsroom.command.article.AttachPhoto;
import org.newsroom.command.article.DraftArticle;
import org.newsroom.command.article.PublishArticle;

/** The AFP wire story of ../shared/samples/afp-haftar-rome.txt, as commands. */
public final class SampleStory {

    public static final String HEADLINE = "Italy security chiefs meet Libyan military strongman Haftar";
    public static final String STANDFIRST = "Libyan military strongman Khalifa Haftar met Italy's defence minister"
            + " and security chiefs in Rome Tuesday, bolstering his stature as a key player in international efforts"
            + " to stabilize his troubled country.";
    public static final String BODY = resource("/stories/afp-haftar-rome.html");
    public static final String LEAD_PHOTO_URI = "https://images.example.com/afp/haftar.jpg";
    public static final String LEAD_CAPTION =
            "File photo of General Khalifa Haftar, commander in the Libyan National" + " Army (LNA).";
    public static final String LEAD_CREDIT = "Philippe Wojazer/Pool/AFP";
    public static final String BOAT_PHOTO_URI = "https://images.example.com/afp/life-boat.jpg";
    public static final String BOAT_CAPTION =
            "A life boat carries the bodies of refugees and migrants who died during" + " the oversea journey.";
    public static final String BOAT_CREDIT = "Aris Messinis/AFP";
    public static final Byline BYLINE = new Byline("Angus MacKinnon", "author", "AFP");

    private SampleStory() {}

    public static DraftArticle draft(ArticleId id) {
        return new DraftArticle(id, HEADLINE, STANDFIRST, BODY, "en");
    }

    public static AttachPhoto leadPhoto(ArticleId id) {
        return new AttachPhoto(
                id,
                new PhotoId("haftar-file"),
                LEAD_PHOTO_URI,
                LEAD_CAPTION,
                LEAD_CREDIT,
                "General Khalifa Haftar in uniform");
    }

    public static AttachPhoto boatPhoto(ArticleId id) {
        return new AttachPhoto(id, new PhotoId("life-boat"), BOAT_PHOTO_URI, BOAT_CAPTION, BOAT_CREDIT, null);
    }

    public static AssignByline byline(ArticleId id) {
        return new AssignByline(id, List.of(BYLINE));
    }

    /** Why the tests' agency copy is published without review: a first publication needs a reason or a review. */
    public static final String AGENCY_COPY = "Agency copy, checked on the wire desk";

    /** A first publication straight from the draft, as an editor may publish agency copy, saying so. */
    public static PublishArticle publishWithoutReview(ArticleId id) {
        return new PublishArticle(id, null, null, AGENCY_COPY, true, null, null, null);
    }

    private static String resource(String name) {
        try (InputStream in = SampleStory.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
