package org.newsroom.query.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.BylineAssigned;
import org.newsroom.article.ChangesRequested;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoDetached;
import org.newsroom.article.PhotoUpdated;

/**
 * Folds an article's events, one at a time, into the {@link ArticleVersion} each one leaves. The audit projection and
 * the versions rebuilt from the log use this same function, so both tell the same story.
 */
public final class ArticleFold {

    private ArticleFold() {}

    /**
     * @param before the article before the event, null before its first event
     * @throws IllegalStateException when the event cannot follow {@code before}: the log or the projection is broken
     */
    public static ArticleVersion apply(ArticleVersion before, ArticleEvent event, long version, Instant timestamp) {
        if (event instanceof ArticleDrafted drafted) {
            if (before != null) {
                throw new IllegalStateException("article " + drafted.articleId() + " was drafted twice");
            }
            return new ArticleVersion(
                    drafted.articleId().value(),
                    version,
                    timestamp,
                    "DRAFT",
                    drafted.headline(),
                    drafted.standfirst(),
                    drafted.body(),
                    drafted.language(),
                    List.of(),
                    List.of(),
                    0,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        if (before == null) {
            throw new IllegalStateException("article " + event.articleId() + " has a "
                    + event.getClass().getSimpleName() + " but was never drafted");
        }
        Builder next = new Builder(before, version, timestamp);
        if (event instanceof ArticleRevised revised) {
            next.headline = either(revised.headline(), before.headline());
            next.standfirst = either(revised.standfirst(), before.standfirst());
            next.body = either(revised.body(), before.body());
            next.language = either(revised.language(), before.language());
        } else if (event instanceof PhotoAttached attached) {
            next.photos.add(new Photo(
                    attached.photoId(), attached.uri(), attached.caption(), attached.credit(), attached.altText()));
        } else if (event instanceof PhotoUpdated updated) {
            next.photos.replaceAll(photo -> !photo.photoId().equals(updated.photoId())
                    ? photo
                    : new Photo(
                            photo.photoId(),
                            photo.uri(),
                            either(updated.caption(), photo.caption()),
                            either(updated.credit(), photo.credit()),
                            either(updated.altText(), photo.altText())));
        } else if (event instanceof PhotoDetached detached) {
            next.photos.removeIf(photo -> photo.photoId().equals(detached.photoId()));
        } else if (event instanceof BylineAssigned assigned) {
            next.bylines = assigned.bylines();
        } else if (event instanceof ArticleSubmittedForReview submitted) {
            next.state = "IN_REVIEW";
            next.note = submitted.note();
        } else if (event instanceof ChangesRequested requested) {
            next.state = "DRAFT";
            next.note = requested.note();
        } else if (event instanceof ArticlePublished published) {
            next.state = "PUBLISHED";
            next.publicationNumber = published.publicationNumber();
            next.slug = published.slug();
            next.live = new LivePublication(
                    published.publicationNumber(),
                    version,
                    timestamp,
                    published.changeKind() == null
                            ? null
                            : published.changeKind().name().toLowerCase(java.util.Locale.ROOT),
                    published.note(),
                    published.content());
        } else if (event instanceof ArticleUnpublished unpublished) {
            next.state = "UNPUBLISHED";
            next.reason = unpublished.reason();
            next.live = null;
        } else if (event instanceof ArticleKilled killed) {
            next.state = "KILLED";
            next.reason = killed.reason();
            next.notice = killed.notice();
            next.live = null;
        }
        return next.build();
    }

    private static <T> T either(T change, T current) {
        return change != null ? change : current;
    }

    private static final class Builder {
        private final ArticleVersion before;
        private final long version;
        private final Instant timestamp;
        private String state;
        private String headline;
        private String standfirst;
        private String body;
        private String language;
        private final List<Photo> photos;
        private List<org.newsroom.article.Byline> bylines;
        private int publicationNumber;
        private String slug;
        private LivePublication live;
        private String note;
        private String reason;
        private String notice;

        Builder(ArticleVersion before, long version, Instant timestamp) {
            this.before = before;
            this.version = version;
            this.timestamp = timestamp;
            this.state = before.state();
            this.headline = before.headline();
            this.standfirst = before.standfirst();
            this.body = before.body();
            this.language = before.language();
            this.photos = new ArrayList<>(before.photos());
            this.bylines = before.bylines();
            this.publicationNumber = before.publicationNumber();
            this.slug = before.slug();
            this.live = before.live();
            this.note = before.note();
            this.reason = before.reason();
            this.notice = before.notice();
        }

        ArticleVersion build() {
            return new ArticleVersion(
                    before.id(),
                    version,
                    timestamp,
                    state,
                    headline,
                    standfirst,
                    body,
                    language,
                    photos,
                    bylines,
                    publicationNumber,
                    slug,
                    live,
                    note,
                    reason,
                    notice);
        }
    }
}
