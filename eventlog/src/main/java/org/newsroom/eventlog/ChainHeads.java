package org.newsroom.eventlog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last sequence number and hash of recently written or read aggregates, so that appending to an aggregate rarely
 * needs a read to continue its hash chain. Events never change, so an entry is either right or for an older sequence
 * number (and then not used).
 */
final class ChainHeads {

    record Head(long sequenceNumber, String hash) {}

    private final Map<String, Head> heads;

    ChainHeads(int capacity) {
        this.heads = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(String aggregateId, long sequenceNumber, String hash) {
        Head known = heads.get(aggregateId);
        if (known == null || known.sequenceNumber() < sequenceNumber) {
            heads.put(aggregateId, new Head(sequenceNumber, hash));
        }
    }

    /** The hash of the event at this sequence number, if it is the head we know of. */
    synchronized String hashAt(String aggregateId, long sequenceNumber) {
        Head known = heads.get(aggregateId);
        return known != null && known.sequenceNumber() == sequenceNumber ? known.hash() : null;
    }

    /** The last sequence number known for the aggregate, or -1. */
    synchronized long lastSequenceNumber(String aggregateId) {
        Head known = heads.get(aggregateId);
        return known == null ? -1 : known.sequenceNumber();
    }

    synchronized void forget(String aggregateId) {
        heads.remove(aggregateId);
    }
}
