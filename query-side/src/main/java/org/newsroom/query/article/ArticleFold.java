package org.newsroom.query.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.Byline;
import org.newsroom.article.BylineAssigned;
import org.newsroom.article.ChangesRequested;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoDetached;
import org.newsroom.article.PhotoUpdated;
import org.newsroom.article.PhotosReordered;

/**
 * Folds an article's events, one at a time, into the {@link ArticleVersion} each one leaves. The editorial projection,
 * the audit projection and the versions rebuilt from the log all use this one function, so they tell the same story.
 * <p>
 * The fold checks only that an article is drafted once and before anything else; whatever else a read model requires
 * of the article before an event (a version without gaps, a photo that exists) it checks itself.
 */
public final class ArticleFold {

    private ArticleFold() {}

    /**
     * @param before    the article before the event, null before its first event
     * @param version   the version the event makes (its sequence number + 1)
     * @param timestamp when the event was recorded
     * @throws IllegalStateException when the event cannot follow {@code before}: the log or the projection is broken
     */
    public static ArticleVersion apply(
            @Nullable ArticleVersion before, ArticleEvent event, long version, Instant timestamp) {
        if (event instanceof ArticleDrafted drafted) {
            if (before != null) {
                throw new IllegalStateException("article " + drafted.articleId() + " was drafted twice");
            }
            return new ArticleVersion(
                    drafted.articleId().value(),
                    version,
                    timestamp,
                    ArticleState.DRAFT,
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
            next.photos.add(attached.photo());
        } else if (event instanceof PhotoUpdated updated) {
            next.photos.replaceAll(photo -> !photo.photoId().equals(updated.photoId())
                    ? photo
                    : photo.withText(
                            either(updated.caption(), photo.caption()),
                            either(updated.credit(), photo.credit()),
                            either(updated.altText(), photo.altText())));
        } else if (event instanceof PhotoDetached detached) {
            next.photos.removeIf(photo -> photo.photoId().equals(detached.photoId()));
        } else if (event instanceof PhotosReordered reordered) {
            List<Photo> current = List.copyOf(next.photos);
            next.photos.clear();
            reordered
                    .photoIds()
                    .forEach(photoId -> current.stream()
                            .filter(photo -> photo.photoId().equals(photoId))
                            .forEach(next.photos::add));
        } else if (event instanceof BylineAssigned assigned) {
            next.bylines = assigned.bylines();
        } else if (event instanceof ArticleSubmittedForReview submitted) {
            next.state = ArticleState.IN_REVIEW;
            next.note = submitted.note();
        } else if (event instanceof ChangesRequested requested) {
            next.state = ArticleState.DRAFT;
            next.note = requested.note();
        } else if (event instanceof ArticlePublished published) {
            next.state = ArticleState.PUBLISHED;
            next.publicationNumber = published.publicationNumber();
            next.slug = published.slug();
            next.live = new LivePublication(
                    published.publicationNumber(),
                    version,
                    timestamp,
                    published.changeKind() == null
                            ? null
                            : published.changeKind().name().toLowerCase(Locale.ROOT),
                    published.note(),
                    published.content());
        } else if (event instanceof ArticleUnpublished unpublished) {
            next.state = ArticleState.UNPUBLISHED;
            next.reason = unpublished.reason();
            next.live = null;
        } else if (event instanceof ArticleKilled killed) {
            next.state = ArticleState.KILLED;
            next.reason = killed.reason();
            next.notice = killed.notice();
            next.live = null;
        }
        return next.build();
    }

    /**
     * Whether the working copy holds something not yet live after {@code event}: a change of its text, photos or
     * bylines makes it so, a publication makes it live, a workflow step changes nothing about it. An article is
     * pending from its draft on.
     */
    public static boolean pendingChanges(boolean before, ArticleEvent event) {
        if (event instanceof ArticlePublished) {
            return false;
        }
        return before
                || event instanceof ArticleDrafted
                || event instanceof ArticleRevised
                || event instanceof PhotoAttached
                || event instanceof PhotoUpdated
                || event instanceof PhotoDetached
                || event instanceof PhotosReordered
                || event instanceof BylineAssigned;
    }

    private static <T> @Nullable T either(@Nullable T change, @Nullable T current) {
        return change != null ? change : current;
    }

    private static final class Builder {
        private final ArticleVersion before;
        private final long version;
        private final Instant timestamp;
        private ArticleState state;
        private String headline;
        private @Nullable String standfirst;
        private @Nullable String body;
        private @Nullable String language;
        private final List<Photo> photos;
        private List<Byline> bylines;
        private int publicationNumber;
        private @Nullable String slug;
        private @Nullable LivePublication live;
        private @Nullable String note;
        private @Nullable String reason;
        private @Nullable String notice;

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
