package org.newsroom.eventlog.proof;

import java.time.Instant;
import java.util.Base64;

/**
 * A checkpoint the log signed: its number (the sequence number of its event in the log), the tree size and root it
 * states, when it was signed, and the signed note itself.
 */
public record SignedCheckpoint(long number, long size, String rootHash, Instant timestamp, String note) {

    public byte[] rootHashBytes() {
        return Base64.getDecoder().decode(rootHash);
    }
}
