package org.newsroom.query.editorial;

import java.time.Instant;

import org.newsroom.query.article.ArticleState;

/** One line of a work list: an article without its body and photos. */
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
        String updatedBy) {}
