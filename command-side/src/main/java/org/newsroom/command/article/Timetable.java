package org.newsroom.command.article;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleId;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.EmbargoLifted;
import org.newsroom.article.EmbargoSet;
import org.newsroom.article.PublicationScheduled;
import org.newsroom.article.ScheduledPublicationCancelled;

/**
 * When an article may and will go live: its pending scheduled publication and its embargo, and the rules between them.
 * An embargo refuses every publication before it ends (by hand, scheduled, or firing); a schedule fires once, only
 * while pending; a publication, an unpublication or a kill ends a pending schedule.
 */
record Timetable(
        @Nullable PendingSchedule schedule, @Nullable Instant embargoUntil) {

    static final Timetable NONE = new Timetable(null, null);

    /** The publication {@code command} asks for, if the embargo allows it and, for a firing, its schedule is due. */
    PublicationRequest release(PublishArticle command) {
        requireOutOfEmbargo(command.requestedAt());
        if (command.scheduleId() == null) {
            return PublicationRequest.of(command);
        }
        if (schedule == null || !schedule.scheduleId().equals(command.scheduleId())) {
            throw ArticleRuleViolation.scheduleNotPending(command.scheduleId());
        }
        if (command.requestedAt().isBefore(schedule.at())) {
            throw ArticleRuleViolation.scheduleNotDue(schedule.at());
        }
        return schedule.firing(command.requestedAt());
    }

    PublicationScheduled schedule(ArticleId id, SchedulePublication command, PublicationPolicy publication) {
        PublicationScheduled scheduled = new PublicationScheduled(
                id,
                ContentPolicy.identifier(command.scheduleId(), "scheduleId"),
                future(command.at(), command.requestedAt(), "at", "schedule-in-the-past"),
                command.changeKind(),
                ContentPolicy.optionalNote(command.note()),
                ContentPolicy.withoutReview(command.withoutReview()));
        requireOutOfEmbargo(scheduled.at());
        publication.requireSchedulable(PublicationRequest.of(command));
        return scheduled;
    }

    ScheduledPublicationCancelled cancel(ArticleId id) {
        if (schedule == null) {
            throw ArticleRuleViolation.noSchedule();
        }
        return new ScheduledPublicationCancelled(id, schedule.scheduleId());
    }

    EmbargoSet embargo(ArticleId id, SetEmbargo command) {
        EmbargoSet embargo =
                new EmbargoSet(id, future(command.until(), command.requestedAt(), "until", "embargo-in-the-past"));
        if (schedule != null && schedule.at().isBefore(embargo.until())) {
            throw ArticleRuleViolation.scheduleBeforeEmbargo(schedule.at(), embargo.until());
        }
        return embargo;
    }

    EmbargoLifted lift(ArticleId id) {
        if (embargoUntil == null) {
            throw ArticleRuleViolation.noEmbargo();
        }
        return new EmbargoLifted(id);
    }

    /** The timetable as {@code event} leaves it. */
    Timetable with(ArticleEvent event) {
        if (event instanceof PublicationScheduled scheduled) {
            return new Timetable(PendingSchedule.of(scheduled), embargoUntil);
        } else if (event instanceof ScheduledPublicationCancelled
                || event instanceof ArticlePublished
                || event instanceof ArticleUnpublished) {
            return new Timetable(null, embargoUntil);
        } else if (event instanceof EmbargoSet set) {
            return new Timetable(schedule, set.until());
        } else if (event instanceof EmbargoLifted) {
            return new Timetable(schedule, null);
        }
        return this;
    }

    private static Instant future(@Nullable Instant instant, Instant now, String field, String code) {
        if (instant == null || !instant.isAfter(now)) {
            throw new InvalidArticleContent(
                    code, field, field + " must be in the future (after " + now + "), not " + instant);
        }
        return instant;
    }

    /** Without a time, a command cannot show that the embargo is over. */
    private void requireOutOfEmbargo(@Nullable Instant at) {
        if (embargoUntil != null && (at == null || at.isBefore(embargoUntil))) {
            throw ArticleRuleViolation.embargoed(embargoUntil);
        }
    }
}
