package org.newsroom.article;

import org.axonframework.serialization.Revision;

/**
 * Recorded when an editor kills an article: it leaves the site for good and readers see the public notice instead.
 * Nothing is accepted for the article afterwards.
 */
@Revision("1")
public record ArticleKilled(ArticleId articleId, String reason, String notice) implements ArticleEvent {}
