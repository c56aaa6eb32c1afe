package org.newsroom.command.article;

import static org.newsroom.command.article.ArticleStatus.PUBLISHED;

import java.util.Objects;

import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.Photo;

record PublicationPolicy(ArticleStatus status, int publicationNumber, String slug, boolean pendingChanges) {

    ArticlePublished publish(ArticleId id, WorkingCopy copy, PublishArticle command) {
        String note = ContentPolicy.optionalNote(command.note());
        requireComplete(copy);
        if (publicationNumber == 0) {
            if (command.changeKind() != null && command.changeKind().needsPublicNote()) {
                throw ArticleRuleViolation.nothingToCorrect(command.changeKind());
            }
            return new ArticlePublished(id, 1, Slug.of(copy.headline(), id), null, null, copy.content());
        }
        if (status == PUBLISHED && !pendingChanges) {
            throw ArticleRuleViolation.nothingToPublish();
        }
        ChangeKind kind = Objects.requireNonNullElse(command.changeKind(), ChangeKind.UPDATE);
        if (kind.needsPublicNote() && note == null) {
            throw ArticleRuleViolation.publicNoteRequired(kind);
        }
        return new ArticlePublished(id, publicationNumber + 1, slug, kind, note, copy.content());
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
