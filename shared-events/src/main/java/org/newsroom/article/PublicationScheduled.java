package org.newsroom.article;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Recorded when an editor schedules the article's next publication for {@code at}, replacing any schedule pending
 * before. {@code changeKind} and {@code note} are those the publication will carry; {@code withoutReview} is the
 * editor's reason for publishing an article that was never in review, when it needs one. The schedule is pending
 * until it fires (an {@link ArticlePublished} with {@code scheduledFor}), is cancelled, or the article is published,
 * unpublished or killed first.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicationScheduled(
        ArticleId articleId,
        String scheduleId,
        Instant at,
        @Nullable ChangeKind changeKind,
        @Nullable String note,
        @Nullable String withoutReview)
        implements ArticleEvent {}
