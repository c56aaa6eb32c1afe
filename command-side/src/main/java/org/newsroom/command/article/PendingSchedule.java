package org.newsroom.command.article;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.ChangeKind;
import org.newsroom.article.PublicationScheduled;

/** The scheduled publication an article waits for, as {@link PublicationScheduled} recorded it. */
record PendingSchedule(
        String scheduleId,
        Instant at,
        @Nullable ChangeKind changeKind,
        @Nullable String note,
        @Nullable String withoutReview) {

    static PendingSchedule of(PublicationScheduled scheduled) {
        return new PendingSchedule(
                scheduled.scheduleId(),
                scheduled.at(),
                scheduled.changeKind(),
                scheduled.note(),
                scheduled.withoutReview());
    }

    /** The publication of this schedule firing at {@code firedAt}: its review was decided when it was scheduled. */
    PublicationRequest firing(Instant firedAt) {
        return new PublicationRequest(changeKind, note, withoutReview, false, at, Duration.between(at, firedAt));
    }
}
