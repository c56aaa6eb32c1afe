package org.newsroom.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.Byline;
import org.newsroom.article.BylineAssigned;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoId;

/** Event-sized, valid article events: what the workloads append. */
final class Stories {

    static final String HEADLINE = "Libya's Haftar in Rome for talks with Italian PM";
    static final String STANDFIRST = "The eastern strongman met Giorgia Meloni on Tuesday.";
    static final String BODY =
            "<p>" + "Libyan military strongman Khalifa Haftar held talks in Rome. ".repeat(12) + "</p>";
    private static final List<Byline> BYLINES = List.of(new Byline("Angus MacKinnon", "author", "AFP"));

    private Stories() {}

    static ArticleDrafted drafted(String id) {
        return new ArticleDrafted(new ArticleId(id), HEADLINE, STANDFIRST, BODY, "en");
    }

    static ArticleRevised revised(String id, int revision) {
        return new ArticleRevised(new ArticleId(id), HEADLINE + ", revision " + revision, null, null, null);
    }

    static GenericDomainEventMessage<ArticleEvent> message(
            String id, long sequenceNumber, ArticleEvent event, String actor) {
        return new GenericDomainEventMessage<>(
                "Article",
                id,
                sequenceNumber,
                event,
                MetaData.from(Map.of("actor", actor, "correlationId", id + "/" + sequenceNumber)));
    }

    /**
     * The ten commands of an article's life, one event each: drafted, byline, photo, three revisions, submitted,
     * published, revised, republished. Slugs are unique per article.
     */
    static List<ArticleEvent> lifeOf(String id, int events) {
        ArticleId article = new ArticleId(id);
        String slug = "benchmark-" + id;
        Photo photo = new Photo(
                new PhotoId(id + "-p1"),
                "https://images.example.com/" + id + ".jpg",
                "Khalifa Haftar arrives at Palazzo Chigi",
                "Philippe Wojazer/Pool/AFP",
                null);
        List<ArticleEvent> life = new ArrayList<>(List.of(
                new ArticleDrafted(article, HEADLINE, STANDFIRST, BODY, "en"),
                new BylineAssigned(article, BYLINES),
                new PhotoAttached(article, photo.photoId(), photo.uri(), photo.caption(), photo.credit(), null),
                new ArticleRevised(article, null, STANDFIRST + " Talks lasted two hours.", null, null),
                new ArticleRevised(article, null, null, BODY + "<p>Migration was on the agenda.</p>", null),
                new ArticleRevised(article, HEADLINE + " on migration", null, null, null),
                new ArticleSubmittedForReview(article, "ready"),
                published(article, slug, 1, HEADLINE + " on migration", List.of(photo)),
                new ArticleRevised(article, null, STANDFIRST + " Talks lasted three hours.", null, null),
                published(article, slug, 2, HEADLINE + " on migration", List.of(photo))));
        return life.subList(0, Math.min(events, life.size()));
    }

    /** Drafted, byline assigned, published: the shortest life of a published article. */
    static List<ArticleEvent> publishedArticle(String id) {
        ArticleId article = new ArticleId(id);
        return List.of(
                new ArticleDrafted(article, HEADLINE, STANDFIRST, BODY, "en"),
                new BylineAssigned(article, BYLINES),
                published(article, "benchmark-" + id, 1, HEADLINE, List.of()));
    }

    private static ArticlePublished published(
            ArticleId article, String slug, int number, String headline, List<Photo> photos) {
        return new ArticlePublished(
                article,
                number,
                slug,
                number == 1 ? null : ChangeKind.UPDATE,
                null,
                new ArticleContent(headline, STANDFIRST, BODY, "en", photos, BYLINES));
    }
}
