package org.newsroom.article;

import org.axonframework.serialization.Revision;

/** Recorded when a photo is removed from the working copy. If it was the lead, the next photo becomes the lead. */
@Revision("1")
public record PhotoDetached(ArticleId articleId, PhotoId photoId) implements ArticleEvent {}
