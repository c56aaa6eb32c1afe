package org.newsroom.article;

import org.axonframework.serialization.Revision;

/** Recorded when an editor sends an article in review back to draft, saying why in the note. */
@Revision("1")
public record ChangesRequested(ArticleId articleId, String note) implements ArticleEvent {}
