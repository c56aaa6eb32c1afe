package org.newsroom.query.editorial;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.AgencyItem;
import org.newsroom.article.AgencyItemIngested;
import org.newsroom.article.AgencyItemWithdrawn;
import org.newsroom.article.AgencyUpdateDismissed;
import org.newsroom.article.AgencyUpdateHeld;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticleEvent;
import org.newsroom.article.DroppedMarkup;

/**
 * Where an ingested article's copy came from, as the desk sees it: the agency item version last applied (its agency,
 * uri, version, urgency, status, the SHA-256 and format of the bytes the agency sent, what the conversion dropped and
 * noted), the agency update waiting for an editor ({@code heldVersion} and the {@code held} content it would make
 * the copy), and whether the agency withdrew the item ({@code withdrawnWhileLive}: the article was on the site then).
 * Null on articles written in the newsroom.
 */
public record AgencyProvenance(
        String source,
        String itemUri,
        String itemVersion,
        @Nullable Integer urgency,
        @Nullable Instant versionCreated,
        String pubStatus,
        String sha256,
        String format,
        List<DroppedMarkup> dropped,
        List<String> notes,
        @Nullable String heldVersion,
        @Nullable ArticleContent held,
        boolean withdrawn,
        boolean withdrawnWhileLive) {

    public AgencyProvenance {
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The provenance as {@code event} leaves it; {@code before} is null until the first agency version. */
    static @Nullable AgencyProvenance after(@Nullable AgencyProvenance before, ArticleEvent event) {
        if (event instanceof AgencyItemIngested ingested) {
            return of(ingested.item(), null, null, false, false);
        } else if (event instanceof AgencyUpdateHeld held && before != null) {
            return before.with(
                    held.item().itemVersion(),
                    held.content(),
                    held.item().pubStatus().name());
        } else if (event instanceof AgencyUpdateDismissed && before != null) {
            return before.with(null, null, before.pubStatus());
        } else if (event instanceof AgencyItemWithdrawn withdrawn) {
            AgencyProvenance base = before == null ? of(withdrawn.item(), null, null, false, false) : before;
            return new AgencyProvenance(
                    base.source,
                    base.itemUri,
                    withdrawn.item().itemVersion(),
                    base.urgency,
                    base.versionCreated,
                    status(withdrawn.item().pubStatus().name()),
                    base.sha256,
                    base.format,
                    base.dropped,
                    base.notes,
                    null,
                    null,
                    true,
                    withdrawn.live());
        }
        return before;
    }

    private static AgencyProvenance of(
            AgencyItem item,
            @Nullable String heldVersion,
            @Nullable ArticleContent held,
            boolean withdrawn,
            boolean live) {
        return new AgencyProvenance(
                item.source(),
                item.itemUri(),
                item.itemVersion(),
                item.urgency(),
                item.versionCreated(),
                status(item.pubStatus().name()),
                item.original().sha256(),
                item.original().format(),
                item.dropped(),
                item.notes(),
                heldVersion,
                held,
                withdrawn,
                live);
    }

    private AgencyProvenance with(@Nullable String version, @Nullable ArticleContent content, String status) {
        return new AgencyProvenance(
                source,
                itemUri,
                itemVersion,
                urgency,
                versionCreated,
                status(status),
                sha256,
                format,
                dropped,
                notes,
                version,
                content,
                withdrawn,
                withdrawnWhileLive);
    }

    private static String status(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
