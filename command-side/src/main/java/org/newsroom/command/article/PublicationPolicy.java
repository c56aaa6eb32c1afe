package org.newsroom.command.article;

import static org.newsroom.command.article.ArticleStatus.PUBLISHED;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.Photo;

/**
 * Whether and how the working copy goes live. A first publication needs the article to have been in review when the
 * installation requires it, unless the editor says why not ({@code withoutReview}, recorded); a republication needs
 * something new, and a correction or clarification a public note.
 */
record PublicationPolicy(
        ArticleStatus status, int publicationNumber, String slug, boolean pendingChanges, boolean reviewed) {

    ArticlePublished publish(ArticleId id, WorkingCopy copy, PublicationRequest request) {
        String note = ContentPolicy.optionalNote(request.note());
        String withoutReview = ContentPolicy.withoutReview(request.withoutReview());
        requireComplete(copy);
        if (publicationNumber == 0) {
            requireFirstPublicationKind(request.changeKind());
            return new ArticlePublished(
                    id,
                    1,
                    Slug.of(copy.headline(), id),
                    null,
                    null,
                    copy.content(),
                    unreviewedReason(withoutReview, request.reviewRequired()),
                    request.scheduledFor(),
                    request.lateness());
        }
        if (status == PUBLISHED && !pendingChanges) {
            throw ArticleRuleViolation.nothingToPublish();
        }
        ChangeKind kind = republicationKind(request.changeKind(), note);
        return new ArticlePublished(
                id,
                publicationNumber + 1,
                slug,
                kind,
                note,
                copy.content(),
                null,
                request.scheduledFor(),
                request.lateness());
    }

    /** What a publication scheduled now must already satisfy: the content may still change until it fires. */
    void requireSchedulable(PublicationRequest request) {
        String note = ContentPolicy.optionalNote(request.note());
        if (publicationNumber == 0) {
            requireFirstPublicationKind(request.changeKind());
            unreviewedReason(ContentPolicy.withoutReview(request.withoutReview()), request.reviewRequired());
        } else {
            republicationKind(request.changeKind(), note);
        }
    }

    /** The reason to record for publishing an article never in review; a reason given for one that was is moot. */
    private @Nullable String unreviewedReason(@Nullable String withoutReview, boolean reviewRequired) {
        if (reviewed) {
            return null;
        }
        if (withoutReview == null && reviewRequired) {
            throw ArticleRuleViolation.reviewRequired();
        }
        return withoutReview;
    }

    private static void requireFirstPublicationKind(@Nullable ChangeKind kind) {
        if (kind != null && kind.needsPublicNote()) {
            throw ArticleRuleViolation.nothingToCorrect(kind);
        }
    }

    private static ChangeKind republicationKind(@Nullable ChangeKind requested, @Nullable String note) {
        ChangeKind kind = Objects.requireNonNullElse(requested, ChangeKind.UPDATE);
        if (kind.needsPublicNote() && note == null) {
            throw ArticleRuleViolation.publicNoteRequired(kind);
        }
        return kind;
    }

    private static void requireComplete(WorkingCopy copy) {
        if (isBlank(copy.headline())) {
            throw ArticleRuleViolation.headlineMissing();
        }
        if (!VisibleText.isVisible(HtmlBodyPolicy.text(copy.body()))) {
            throw ArticleRuleViolation.bodyMissing();
        }
        if (copy.bylines().isEmpty()) {
            throw ArticleRuleViolation.bylineMissing();
        }
        for (Photo photo : copy.photos()) {
            if (isBlank(photo.caption())) {
                throw ArticleRuleViolation.photoCaptionMissing(photo.photoId());
            }
            if (isBlank(photo.credit())) {
                throw ArticleRuleViolation.photoCreditMissing(photo.photoId());
            }
        }
    }

    private static boolean isBlank(String text) {
        return text == null || !VisibleText.isVisible(text);
    }
}
