package org.newsroom.query.editorial;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.Byline;
import org.newsroom.query.article.ArticleState;

/**
 * One line of a work list: an article without its body, photos and conversation, with who created it, its bylines,
 * whether changes were requested, when it is scheduled for and until when it is embargoed; for agency copy, the
 * agency, the item's urgency and whether an agency update waits for an editor.
 */
public record WorkItem(
        String id,
        ArticleState state,
        long version,
        String headline,
        String standfirst,
        boolean pendingChanges,
        int publicationNumber,
        String slug,
        Instant updatedAt,
        String updatedBy,
        String createdBy,
        List<Byline> bylines,
        boolean changesRequested,
        @Nullable Instant scheduledFor,
        @Nullable Instant embargoedUntil,
        @Nullable String agency,
        @Nullable Integer urgency,
        boolean agencyUpdate) {

    static WorkItem of(EditorialArticle article) {
        return new WorkItem(
                article.id(),
                article.state(),
                article.version(),
                article.headline(),
                article.standfirst(),
                article.pendingChanges(),
                article.publicationNumber(),
                article.slug(),
                article.updatedAt(),
                article.updatedBy(),
                article.createdBy(),
                article.bylines(),
                article.changesRequested(),
                article.schedule() == null ? null : article.schedule().at(),
                article.embargo() == null ? null : article.embargo().until(),
                article.agency() == null ? null : article.agency().source(),
                article.agency() == null ? null : article.agency().urgency(),
                article.agency() != null && article.agency().heldVersion() != null);
    }
}
