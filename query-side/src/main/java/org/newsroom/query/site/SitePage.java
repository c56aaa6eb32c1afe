package org.newsroom.query.site;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the site shows for a slug: the live ninjs document, or the notice of a killed article. */
public sealed interface SitePage {

    /** {@code notes}: the public notes of corrections and clarifications, with their dates, oldest first. */
    record Live(ObjectNode ninjs, String etag, Instant lastModified, List<PublicNote> notes) implements SitePage {}

    record Killed(String notice, Instant killedAt) implements SitePage {}
}
