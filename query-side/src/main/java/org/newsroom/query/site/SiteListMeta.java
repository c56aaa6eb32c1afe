package org.newsroom.query.site;

import java.time.Instant;

/** When the list of published articles last changed: its Last-Modified. */
public record SiteListMeta(Instant lastModified) {}
