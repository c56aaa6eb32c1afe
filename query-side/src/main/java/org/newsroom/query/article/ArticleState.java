package org.newsroom.query.article;

/** Where an article is in the workflow. */
public enum ArticleState {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    UNPUBLISHED,
    KILLED
}
