package org.newsroom.article;

import org.axonframework.serialization.Revision;

/** Recorded when an editor takes a published article off the site, saying why. It may be published again. */
@Revision("1")
public record ArticleUnpublished(ArticleId articleId, String reason) implements ArticleEvent {}
