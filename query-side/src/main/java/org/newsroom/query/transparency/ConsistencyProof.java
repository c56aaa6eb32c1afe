package org.newsroom.query.transparency;

import java.util.List;

/** An RFC 9162 consistency proof between two tree sizes, each hash in standard base64. */
public record ConsistencyProof(long from, long to, List<String> path) {}
