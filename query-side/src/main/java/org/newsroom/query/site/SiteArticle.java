package org.newsroom.query.site;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the site knows of an article once it has been published: its slug (unique, fixed at the first publication),
 * whether readers see it, the ninjs document of its live copy with its ETag, and the position of its first
 * publication, which orders the site's list. {@code ninjs} is null once the article is killed.
 */
public record SiteArticle(
        String id,
        String slug,
        SiteStatus status,
        long listKey,
        Instant firstPublished,
        Instant modified,
        int publicationNumber,
        List<PublicNote> notes,
        String notice,
        ObjectNode ninjs,
        String etag) {

    public SiteArticle {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    SiteArticle unpublished(Instant at) {
        return new SiteArticle(
                id,
                slug,
                SiteStatus.UNPUBLISHED,
                listKey,
                firstPublished,
                at,
                publicationNumber,
                notes,
                notice,
                ninjs,
                etag);
    }

    SiteArticle killed(String publicNotice, Instant at) {
        return new SiteArticle(
                id,
                slug,
                SiteStatus.KILLED,
                listKey,
                firstPublished,
                at,
                publicationNumber,
                notes,
                publicNotice,
                null,
                null);
    }
}
