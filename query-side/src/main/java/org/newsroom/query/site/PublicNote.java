package org.newsroom.query.site;

import java.time.Instant;

/** A correction or clarification published with a republication; shown to readers for good. */
public record PublicNote(String kind, String note, int publicationNumber, Instant publishedAt) {}
