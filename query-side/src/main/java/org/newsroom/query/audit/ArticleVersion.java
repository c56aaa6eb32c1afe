package org.newsroom.query.audit;

import java.time.Instant;
import java.util.List;

import org.newsroom.article.Byline;
import org.newsroom.article.Photo;

/**
 * An article exactly as it stood after its {@code version}-th event: the working copy, the workflow state, the
 * publication that was live then ({@code live}, null when none was), and the last workflow note, reason and public
 * notice.
 */
public record ArticleVersion(
        String id,
        long version,
        Instant timestamp,
        String state,
        String headline,
        String standfirst,
        String body,
        String language,
        List<Photo> photos,
        List<Byline> bylines,
        int publicationNumber,
        String slug,
        LivePublication live,
        String note,
        String reason,
        String notice) {

    public ArticleVersion {
        photos = photos == null ? List.of() : List.copyOf(photos);
        bylines = bylines == null ? List.of() : List.copyOf(bylines);
    }
}
