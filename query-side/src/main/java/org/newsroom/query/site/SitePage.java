package org.newsroom.query.site;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the site shows for a slug: the live ninjs document, or the notice of a killed article. */
public sealed interface SitePage {

    record Live(ObjectNode ninjs, String etag, Instant lastModified) implements SitePage {}

    record Killed(String notice, Instant killedAt) implements SitePage {}
}
