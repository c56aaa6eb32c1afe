package org.newsroom.command.article;

import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.ChangesRequested;

enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    UNPUBLISHED,
    KILLED;

    /** The status {@code event} leaves an article of this status in. */
    ArticleStatus after(ArticleEvent event) {
        if (event instanceof ArticleSubmittedForReview) {
            return IN_REVIEW;
        } else if (event instanceof ChangesRequested) {
            return DRAFT;
        } else if (event instanceof ArticlePublished) {
            return PUBLISHED;
        } else if (event instanceof ArticleUnpublished) {
            return UNPUBLISHED;
        } else if (event instanceof ArticleKilled) {
            return KILLED;
        }
        return this;
    }
}
