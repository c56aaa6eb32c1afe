package org.newsroom.query.article;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.Byline;
import org.newsroom.article.Photo;

/**
 * An article exactly as it stood after its {@code version}-th event, recorded at {@code timestamp}: the working copy,
 * the workflow state, the publication that was live then ({@code live}, null when none was), and the last workflow
 * note, reason and public notice.
 */
public record ArticleVersion(
        String id,
        long version,
        Instant timestamp,
        ArticleState state,
        String headline,
        @Nullable String standfirst,
        @Nullable String body,
        @Nullable String language,
        List<Photo> photos,
        List<Byline> bylines,
        int publicationNumber,
        @Nullable String slug,
        @Nullable LivePublication live,
        @Nullable String note,
        @Nullable String reason,
        @Nullable String notice) {

    public ArticleVersion {
        photos = photos == null ? List.of() : List.copyOf(photos);
        bylines = bylines == null ? List.of() : List.copyOf(bylines);
    }
}
