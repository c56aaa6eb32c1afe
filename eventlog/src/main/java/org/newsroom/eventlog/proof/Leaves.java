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
        return bytes(event.position(), HashChain.canonical(event.aggregateType(), event.aggregateId(), event.event()));
    }

    public static byte[] hash(StoredEventView event) {
        return MerkleTree.leafHash(bytes(event));
    }

    /** The leaf hash of the event at {@code position} whose canonical JSON ({@link HashChain#canonical}) is given. */
    public static byte[] hash(long position, byte[] canonical) {
        return MerkleTree.leafHash(bytes(position, canonical));
    }

    private static byte[] bytes(long position, byte[] canonical) {
        return ByteBuffer.allocate(Long.BYTES + canonical.length)
                .putLong(position)
                .put(canonical)
                .array();
    }
}
