package org.newsroom.query.editorial;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.Byline;
import org.newsroom.article.Photo;
import org.newsroom.query.article.ArticleState;
import org.newsroom.query.article.ArticleVersion;
import org.newsroom.query.projection.EventContext;

/**
 * The working copy of an article and where it stands: what editing screens show. {@code version} is the number of
 * events recorded for the article (the ETag of the command API); {@code pendingChanges} is true while the working
 * copy holds something not yet live (always, before the first publication); {@code updatedBy} is null when the event
 * carried no actor. The desk's side: {@code conversation} (submit notes, change requests, comments and reasons to
 * publish without review, oldest first), {@code changesRequested} (until the next submission or publication),
 * {@code reviewed} (it was submitted for review at least once), the pending {@code schedule} and the {@code embargo}.
 * {@code agency}: where an ingested article's copy came from, and an agency update waiting for an editor.
 */
public record EditorialArticle(
        String id,
        ArticleState state,
        long version,
        String headline,
        String standfirst,
        String body,
        String language,
        List<Photo> photos,
        List<Byline> bylines,
        boolean pendingChanges,
        int publicationNumber,
        String slug,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        List<ConversationEntry> conversation,
        boolean changesRequested,
        boolean reviewed,
        @Nullable Schedule schedule,
        @Nullable Embargo embargo,
        @Nullable AgencyProvenance agency) {

    public EditorialArticle {
        photos = photos == null ? List.of() : List.copyOf(photos);
        bylines = bylines == null ? List.of() : List.copyOf(bylines);
        conversation = conversation == null ? List.of() : List.copyOf(conversation);
    }

    /** The article as its draft, folded into {@code drafted}, starts it. */
    static EditorialArticle drafted(ArticleVersion drafted, EventContext context) {
        return of(drafted, true, context.timestamp(), context.actor(), context, DeskState.NEW, null);
    }

    /** The article as the event of {@code context} leaves it, folded into {@code after}. */
    EditorialArticle next(
            ArticleVersion after,
            boolean pending,
            DeskState desk,
            @Nullable AgencyProvenance agency,
            EventContext context) {
        return of(after, pending, createdAt, createdBy, context, desk, agency);
    }

    DeskState desk() {
        return new DeskState(conversation, changesRequested, reviewed, schedule, embargo);
    }

    /** This working copy as the fold takes it; the live publication and the workflow notes are not kept here. */
    ArticleVersion folded() {
        return new ArticleVersion(
                id,
                version,
                updatedAt,
                state,
                headline,
                standfirst,
                body,
                language,
                photos,
                bylines,
                publicationNumber,
                slug,
                null,
                null,
                null,
                null);
    }

    private static EditorialArticle of(
            ArticleVersion article,
            boolean pending,
            Instant createdAt,
            String createdBy,
            EventContext context,
            DeskState desk,
            @Nullable AgencyProvenance agency) {
        return new EditorialArticle(
                article.id(),
                article.state(),
                article.version(),
                article.headline(),
                article.standfirst(),
                article.body(),
                article.language(),
                article.photos(),
                article.bylines(),
                pending,
                article.publicationNumber(),
                article.slug(),
                createdAt,
                createdBy,
                article.timestamp(),
                context.actor(),
                desk.conversation(),
                desk.changesRequested(),
                desk.reviewed(),
                desk.schedule(),
                desk.embargo(),
                agency);
    }
}
