package org.newsroom.query.transparency;

import java.time.Instant;

/** The latest signed checkpoint: tree size, base64 root hash, when it was signed, and the signed note itself. */
public record CheckpointView(long size, String rootHash, Instant timestamp, String note) {}
