package org.newsroom.query.editorial;

/** The working copy of one article. */
public record FindArticle(String articleId) {}
