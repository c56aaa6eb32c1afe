package org.newsroom.command.ingest;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * What the ingest did with one delivery: the article the item version became (null for a picture on its own, kept
 * for the desk to attach), the article's version after it, the version's identity, what it did ({@code state}:
 * {@code applied}, {@code held}, {@code withdrawn}, {@code killed} with kill-on-cancel, {@code picture}) and whether
 * this delivery was the first of that version ({@code created}) or a repeat answered from the record.
 */
public record IngestReceipt(
        @Nullable String articleId,
        long version,
        String source,
        String itemUri,
        String itemVersion,
        String state,
        String sha256,
        boolean created) {

    static IngestReceipt of(Document recorded, boolean created) {
        Number version = recorded.get("articleVersion", Number.class);
        return new IngestReceipt(
                recorded.getString("articleId"),
                version == null ? 0 : version.longValue(),
                recorded.getString("source"),
                recorded.getString("itemUri"),
                recorded.getString("itemVersion"),
                recorded.getString("state"),
                recorded.getString("sha256"),
                created);
    }
}
