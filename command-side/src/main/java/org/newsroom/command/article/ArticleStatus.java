package org.newsroom.command.article;

enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    UNPUBLISHED,
    KILLED
}
