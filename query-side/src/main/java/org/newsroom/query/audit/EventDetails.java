package org.newsroom.query.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.CommentAdded;
import org.newsroom.article.EmbargoSet;
import org.newsroom.article.PublicationScheduled;
import org.newsroom.article.ScheduledPublicationCancelled;

/**
 * What an event says besides the article it changes, as field changes of its audit entry: a reason to publish without
 * review, when a scheduled publication fired and how late, a comment, a schedule, an embargo.
 */
final class EventDetails {

    private EventDetails() {}

    static List<FieldChange> of(ArticleEvent event) {
        List<FieldChange> details = new ArrayList<>();
        if (event instanceof ArticlePublished published) {
            add(details, "publishedWithoutReview", published.publishedWithoutReview());
            add(details, "scheduledFor", published.scheduledFor());
            add(details, "lateness", published.lateness());
        } else if (event instanceof CommentAdded comment) {
            add(details, "comment", comment.text());
        } else if (event instanceof PublicationScheduled scheduled) {
            add(details, "schedule.at", scheduled.at());
            add(
                    details,
                    "schedule.changeKind",
                    scheduled.changeKind() == null
                            ? null
                            : scheduled.changeKind().name().toLowerCase(Locale.ROOT));
            add(details, "schedule.note", scheduled.note());
            add(details, "schedule.withoutReview", scheduled.withoutReview());
        } else if (event instanceof ScheduledPublicationCancelled cancelled) {
            details.add(new FieldChange("schedule", cancelled.scheduleId(), null, null));
        } else if (event instanceof EmbargoSet embargo) {
            add(details, "embargo.until", embargo.until());
        }
        return details;
    }

    private static void add(List<FieldChange> details, String field, Object value) {
        if (value != null) {
            details.add(new FieldChange(field, null, value.toString(), null));
        }
    }
}
