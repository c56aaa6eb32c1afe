package org.newsroom.article;

import org.axonframework.serialization.Revision;

/** Recorded when an editor dismisses the held agency update of version {@code itemVersion}: the copy stays the desk's. */
@Revision("1")
public record AgencyUpdateDismissed(ArticleId articleId, String itemVersion) implements ArticleEvent {}
