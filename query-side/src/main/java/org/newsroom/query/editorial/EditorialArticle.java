package org.newsroom.query.editorial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.newsroom.article.ArticleDrafted;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleRevised;
import org.newsroom.article.Byline;
import org.newsroom.article.Photo;
import org.newsroom.article.PhotoAttached;
import org.newsroom.article.PhotoDetached;
import org.newsroom.article.PhotoUpdated;
import org.newsroom.query.projection.EventContext;

/**
 * The working copy of an article and where it stands: what editing screens show. {@code version} is the number of
 * events recorded for the article (the ETag of the command API); {@code pendingChanges} is true while the working
 * copy holds something not yet live (always, before the first publication); {@code updatedBy} is null when the event
 * carried no actor.
 */
public record EditorialArticle(
        String id,
        ArticleState state,
        long version,
        String headline,
        String standfirst,
        String body,
        String language,
        List<Photo> photos,
        List<Byline> bylines,
        boolean pendingChanges,
        int publicationNumber,
        String slug,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public EditorialArticle {
        photos = photos == null ? List.of() : List.copyOf(photos);
        bylines = bylines == null ? List.of() : List.copyOf(bylines);
    }

    static EditorialArticle drafted(ArticleDrafted event, EventContext context) {
        return new EditorialArticle(
                event.articleId().value(),
                ArticleState.DRAFT,
                context.version(),
                event.headline(),
                event.standfirst(),
                event.body(),
                event.language(),
                List.of(),
                List.of(),
                true,
                0,
                null,
                context.timestamp(),
                context.actor(),
                context.timestamp(),
                context.actor());
    }

    EditorialArticle touched(EventContext context) {
        return new EditorialArticle(
                id,
                state,
                context.version(),
                headline,
                standfirst,
                body,
                language,
                photos,
                bylines,
                pendingChanges,
                publicationNumber,
                slug,
                createdAt,
                createdBy,
                context.timestamp(),
                context.actor());
    }

    EditorialArticle revised(ArticleRevised event) {
        return new EditorialArticle(
                id,
                state,
                version,
                either(event.headline(), headline),
                either(event.standfirst(), standfirst),
                either(event.body(), body),
                either(event.language(), language),
                photos,
                bylines,
                true,
                publicationNumber,
                slug,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy);
    }

    EditorialArticle withPhoto(PhotoAttached event) {
        List<Photo> changed = new ArrayList<>(photos);
        changed.add(new Photo(event.photoId(), event.uri(), event.caption(), event.credit(), event.altText()));
        return withPhotos(changed);
    }

    EditorialArticle withPhoto(PhotoUpdated event) {
        return withPhotos(photos.stream()
                .map(photo -> !photo.photoId().equals(event.photoId())
                        ? photo
                        : new Photo(
                                photo.photoId(),
                                photo.uri(),
                                either(event.caption(), photo.caption()),
                                either(event.credit(), photo.credit()),
                                either(event.altText(), photo.altText())))
                .toList());
    }

    EditorialArticle withoutPhoto(PhotoDetached event) {
        return withPhotos(photos.stream()
                .filter(photo -> !photo.photoId().equals(event.photoId()))
                .toList());
    }

    EditorialArticle withBylines(List<Byline> assigned) {
        return new EditorialArticle(
                id,
                state,
                version,
                headline,
                standfirst,
                body,
                language,
                photos,
                assigned,
                true,
                publicationNumber,
                slug,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy);
    }

    EditorialArticle published(ArticlePublished event) {
        return new EditorialArticle(
                id,
                ArticleState.PUBLISHED,
                version,
                headline,
                standfirst,
                body,
                language,
                photos,
                bylines,
                false,
                event.publicationNumber(),
                event.slug(),
                createdAt,
                createdBy,
                updatedAt,
                updatedBy);
    }

    EditorialArticle in(ArticleState newState) {
        return new EditorialArticle(
                id,
                newState,
                version,
                headline,
                standfirst,
                body,
                language,
                photos,
                bylines,
                pendingChanges,
                publicationNumber,
                slug,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy);
    }

    private EditorialArticle withPhotos(List<Photo> changed) {
        return new EditorialArticle(
                id,
                state,
                version,
                headline,
                standfirst,
                body,
                language,
                changed,
                bylines,
                true,
                publicationNumber,
                slug,
                createdAt,
                createdBy,
                updatedAt,
                updatedBy);
    }

    private static <T> T either(T change, T current) {
        return change != null ? change : current;
    }

    static UnaryOperator<EditorialArticle> requirePhoto(
            org.newsroom.article.PhotoId photoId, UnaryOperator<EditorialArticle> change) {
        return article -> {
            if (article.photos().stream().noneMatch(photo -> photo.photoId().equals(photoId))) {
                throw new IllegalStateException("article " + article.id() + " has no photo " + photoId);
            }
            return change.apply(article);
        };
    }
}
