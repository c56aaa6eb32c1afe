package org.newsroom.log;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * Recorded each time the transparency log signs a checkpoint: the Merkle tree over the first {@code size} events of
 * the log (RFC 9162 hashing) has the root {@code rootHash} (standard base64 of 32 bytes), and {@code note} is the
 * C2SP signed note (tlog-checkpoint body: origin, size, root hash; Ed25519 signature lines) that anyone holding the
 * log's public key can verify. {@code timestamp} is when it was signed. The event itself lies after position
 * {@code size}, so it is covered by the next checkpoint.
 */
@Revision("1")
public record CheckpointSigned(long size, String rootHash, Instant timestamp, String note) {}
