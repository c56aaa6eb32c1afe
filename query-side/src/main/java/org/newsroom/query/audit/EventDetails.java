package org.newsroom.query.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.newsroom.article.AgencyItem;
import org.newsroom.article.AgencyItemIngested;
import org.newsroom.article.AgencyItemWithdrawn;
import org.newsroom.article.AgencyUpdateDismissed;
import org.newsroom.article.AgencyUpdateHeld;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.CommentAdded;
import org.newsroom.article.EmbargoSet;
import org.newsroom.article.PublicationScheduled;
import org.newsroom.article.ScheduledPublicationCancelled;

/**
 * What an event says besides the article it changes, as field changes of its audit entry: a reason to publish without
 * review, when a scheduled publication fired and how late, a comment, a schedule, an embargo, the agency item version
 * an article's copy came from (with the SHA-256 of the original the agency sent).
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
        } else if (event instanceof AgencyItemIngested ingested) {
            agency(details, ingested.item());
        } else if (event instanceof AgencyUpdateHeld held) {
            agency(details, held.item());
        } else if (event instanceof AgencyItemWithdrawn withdrawn) {
            agency(details, withdrawn.item());
            add(details, "agency.withdrawnWhileLive", withdrawn.live());
        } else if (event instanceof AgencyUpdateDismissed dismissed) {
            add(details, "agency.dismissedVersion", dismissed.itemVersion());
        }
        return details;
    }

    /** Enough of an agency item for an auditor to find the original the agency sent and check it. */
    private static void agency(List<FieldChange> details, AgencyItem item) {
        add(details, "agency.source", item.source());
        add(details, "agency.itemUri", item.itemUri());
        add(details, "agency.itemVersion", item.itemVersion());
        add(details, "agency.pubStatus", item.pubStatus().name().toLowerCase(Locale.ROOT));
        add(details, "agency.sha256", item.original().sha256());
        if (!item.dropped().isEmpty()) {
            add(
                    details,
                    "agency.dropped",
                    item.dropped().stream()
                            .map(markup -> markup.markup() + " x" + markup.count() + " " + markup.treatment())
                            .toList());
        }
    }

    private static void add(List<FieldChange> details, String field, Object value) {
        if (value != null) {
            details.add(new FieldChange(field, null, value.toString(), null));
        }
    }
}
