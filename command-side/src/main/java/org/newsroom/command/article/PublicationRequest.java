package org.newsroom.command.article;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.ChangeKind;

/**
 * What a publication is asked to carry, by an editor now or by a schedule firing: {@code scheduledFor} and
 * {@code lateness} are set on a firing only, which also carries the review decision taken when it was scheduled.
 */
record PublicationRequest(
        @Nullable ChangeKind changeKind,
        @Nullable String note,
        @Nullable String withoutReview,
        boolean reviewRequired,
        @Nullable Instant scheduledFor,
        @Nullable Duration lateness) {

    static PublicationRequest of(PublishArticle command) {
        return new PublicationRequest(
                command.changeKind(), command.note(), command.withoutReview(), command.reviewRequired(), null, null);
    }

    static PublicationRequest of(SchedulePublication command) {
        return new PublicationRequest(
                command.changeKind(), command.note(), command.withoutReview(), command.reviewRequired(), null, null);
    }
}
