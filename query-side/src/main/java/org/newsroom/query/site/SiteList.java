package org.newsroom.query.site;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A page of the site's list: ninjs documents, newest first, and the cursor of the next page (null at the end). */
public record SiteList(
        List<ObjectNode> items,
        String next,
        @JsonIgnore String etag,
        @JsonIgnore Instant lastModified) {}
