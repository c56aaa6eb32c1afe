package org.newsroom.article;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Recorded when an editor embargoes an article: no publication before {@code until}, replacing any earlier embargo. */
@Revision("1")
public record EmbargoSet(ArticleId articleId, Instant until) implements ArticleEvent {}
