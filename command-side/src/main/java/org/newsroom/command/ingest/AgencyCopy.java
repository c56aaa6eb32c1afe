package org.newsroom.command.ingest;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.AgencyItem;
import org.newsroom.article.AgencyOriginal;
import org.newsroom.article.AgencyStatus;
import org.newsroom.article.AgencySubject;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.DroppedMarkup;
import org.newsroom.article.Photo;

/**
 * One agency item version as read and converted, before anything is recorded. {@code content} is the article it
 * becomes (a text item, or a package's story with its pictures); null for a picture on its own, whose {@code pictures}
 * the desk may attach to an article.
 */
record AgencyCopy(
        String format,
        String source,
        String itemUri,
        String itemVersion,
        @Nullable Instant versionCreated,
        @Nullable Integer urgency,
        List<AgencySubject> subjects,
        AgencyStatus pubStatus,
        @Nullable Instant embargoedUntil,
        @Nullable ArticleContent content,
        List<Photo> pictures,
        List<DroppedMarkup> dropped,
        List<String> notes) {

    AgencyCopy {
        subjects = List.copyOf(subjects);
        pictures = List.copyOf(pictures);
        dropped = List.copyOf(dropped);
        notes = List.copyOf(notes);
    }

    /** The idempotency key of this version: the same agency, item and version is the same delivery. */
    String key() {
        return source + "|" + itemUri + "|" + itemVersion;
    }

    AgencyItem provenance(AgencyOriginal original) {
        return new AgencyItem(
                source,
                itemUri,
                itemVersion,
                versionCreated,
                urgency,
                subjects,
                pubStatus,
                embargoedUntil,
                original,
                dropped,
                notes);
    }
}
