package org.newsroom.article;

import org.axonframework.serialization.Revision;

/** Recorded when an editor lifts an article's embargo: it may be published at once. */
@Revision("1")
public record EmbargoLifted(ArticleId articleId) implements ArticleEvent {}
