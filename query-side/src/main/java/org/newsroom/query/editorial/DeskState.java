package org.newsroom.query.editorial;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.ArticleKilled;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.ArticleSubmittedForReview;
import org.newsroom.article.ArticleUnpublished;
import org.newsroom.article.ChangesRequested;
import org.newsroom.article.CommentAdded;
import org.newsroom.article.EmbargoLifted;
import org.newsroom.article.EmbargoSet;
import org.newsroom.article.PublicationScheduled;
import org.newsroom.article.ScheduledPublicationCancelled;
import org.newsroom.query.projection.EventContext;

/**
 * Where an article stands on the desk besides its content: the conversation (submit notes, change requests,
 * comments, reasons to publish without review, in order), whether changes were requested and not yet answered by a
 * new submission or a publication, whether it was ever in review, its pending schedule and its embargo.
 */
record DeskState(
        List<ConversationEntry> conversation,
        boolean changesRequested,
        boolean reviewed,
        @Nullable Schedule schedule,
        @Nullable Embargo embargo) {

    static final DeskState NEW = new DeskState(List.of(), false, false, null, null);

    DeskState {
        conversation = conversation == null ? List.of() : List.copyOf(conversation);
    }

    /** The desk as {@code event}, recorded in {@code context}, leaves it. */
    DeskState after(ArticleEvent event, EventContext context) {
        if (event instanceof ArticleSubmittedForReview submitted) {
            return new DeskState(
                    say(ConversationEntry.SUBMITTED, submitted.note(), context), false, true, schedule, embargo);
        } else if (event instanceof ChangesRequested requested) {
            return new DeskState(
                    say(ConversationEntry.CHANGES_REQUESTED, requested.note(), context),
                    true,
                    reviewed,
                    schedule,
                    embargo);
        } else if (event instanceof CommentAdded comment) {
            return new DeskState(
                    say(ConversationEntry.COMMENT, comment.text(), context),
                    changesRequested,
                    reviewed,
                    schedule,
                    embargo);
        } else if (event instanceof ArticlePublished published) {
            List<ConversationEntry> said = published.publishedWithoutReview() == null
                    ? conversation
                    : say(ConversationEntry.PUBLISHED_WITHOUT_REVIEW, published.publishedWithoutReview(), context);
            return new DeskState(said, false, reviewed, null, embargo);
        } else if (event instanceof PublicationScheduled scheduled) {
            Schedule next = new Schedule(
                    scheduled.at(),
                    scheduled.changeKind() == null
                            ? null
                            : scheduled.changeKind().name().toLowerCase(Locale.ROOT),
                    scheduled.note(),
                    context.actor());
            return new DeskState(conversation, changesRequested, reviewed, next, embargo);
        } else if (event instanceof ScheduledPublicationCancelled
                || event instanceof ArticleUnpublished
                || event instanceof ArticleKilled) {
            return new DeskState(conversation, changesRequested, reviewed, null, embargo);
        } else if (event instanceof EmbargoSet set) {
            return new DeskState(
                    conversation, changesRequested, reviewed, schedule, new Embargo(set.until(), context.actor()));
        } else if (event instanceof EmbargoLifted) {
            return new DeskState(conversation, changesRequested, reviewed, schedule, null);
        }
        return this;
    }

    private List<ConversationEntry> say(String kind, @Nullable String text, EventContext context) {
        List<ConversationEntry> said = new ArrayList<>(conversation);
        said.add(new ConversationEntry(kind, text, context.actor(), context.timestamp()));
        return said;
    }
}
