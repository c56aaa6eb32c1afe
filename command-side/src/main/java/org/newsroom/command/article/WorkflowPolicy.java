package org.newsroom.command.article;

import static org.newsroom.command.article.ArticleStatus.DRAFT;
import static org.newsroom.command.article.ArticleStatus.IN_REVIEW;
import static org.newsroom.command.article.ArticleStatus.PUBLISHED;

import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.ChangesRequested;
import org.newsroom.article.CommentAdded;

/** The desk's steps that depend on the article's state alone: review, unpublication, kill, and its conversation. */
record WorkflowPolicy(ArticleStatus status) {

    ArticleSubmittedForReview submit(ArticleId id, SubmitForReview command) {
        String note = ContentPolicy.optionalNote(command.note());
        if (status != DRAFT) {
            throw ArticleRuleViolation.notADraft(status);
        }
        return new ArticleSubmittedForReview(id, note);
    }

    ChangesRequested requestChanges(ArticleId id, RequestChanges command) {
        String note = ContentPolicy.requiredNote(command.note(), "note");
        if (status != IN_REVIEW) {
            throw ArticleRuleViolation.notInReview(status);
        }
        return new ChangesRequested(id, note);
    }

    ArticleUnpublished unpublish(ArticleId id, UnpublishArticle command) {
        String reason = ContentPolicy.requiredNote(command.reason(), "reason");
        if (status != PUBLISHED) {
            throw ArticleRuleViolation.notPublished(status);
        }
        return new ArticleUnpublished(id, reason);
    }

    ArticleKilled kill(ArticleId id, KillArticle command) {
        return new ArticleKilled(
                id,
                ContentPolicy.requiredNote(command.reason(), "reason"),
                ContentPolicy.requiredNote(command.notice(), "notice"));
    }

    CommentAdded comment(ArticleId id, AddComment command) {
        return new CommentAdded(
                id, ContentPolicy.identifier(command.commentId(), "commentId"), ContentPolicy.comment(command.text()));
    }
}
