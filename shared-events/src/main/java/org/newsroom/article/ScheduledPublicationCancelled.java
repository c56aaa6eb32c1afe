package org.newsroom.article;

import org.axonframework.serialization.Revision;

/** Recorded when an editor cancels the pending scheduled publication {@code scheduleId}. */
@Revision("1")
public record ScheduledPublicationCancelled(ArticleId articleId, String scheduleId) implements ArticleEvent {}
