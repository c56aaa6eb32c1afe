package org.newsroom.eventlog.proof;

import java.nio.ByteBuffer;

import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;
import org.newsroom.eventlog.HashChain;

/**
 * The leaves of the transparency log: leaf {@code i} is the event at global position {@code i + 1}, and its bytes are
 * the position as 8 bytes big-endian followed by the event's canonical JSON ({@link HashChain#canonical}: aggregate
 * type and id, sequence number, event id, payload type, revision, timestamp, payload and metadata, keys sorted, no
 * whitespace, UTF-8). docs/transparency.md defines it precisely enough to reimplement.
 */
public final class Leaves {

    private Leaves() {}

    public static byte[] bytes(StoredEventView event) {
        byte[] canonical = HashChain.canonical(event.aggregateType(), event.aggregateId(), event.event());
        return ByteBuffer.allocate(Long.BYTES + canonical.length)
                .putLong(event.position())
                .put(canonical)
                .array();
    }

    public static byte[] hash(StoredEventView event) {
        return MerkleTree.leafHash(bytes(event));
    }
}
