package org.newsroom.eventlog.export;

import java.util.List;

import org.newsroom.eventlog.proof.NoteVerifier;

/**
 * What a reader of an export file trusts its checkpoints by. An import checks every checkpoint's signature with the
 * verifier keys it was given and refuses a file with none, unless told to take one without any; the export command's
 * own check of the file it wrote compares every checkpoint's root with the exported events only, since the keys of
 * checkpoints signed before a key rotation need not be at hand there.
 *
 * @param keys                 the verifier keys a checkpoint's note must be signed by
 * @param signaturesChecked    whether notes are opened with {@code keys}; if not, only what they state is compared
 * @param withoutCheckpoint    whether a file that holds no checkpoint at all is accepted, on its hash chains alone
 */
public record CheckpointTrust(List<NoteVerifier> keys, boolean signaturesChecked, boolean withoutCheckpoint) {

    public CheckpointTrust {
        keys = List.copyOf(keys);
    }

    /** Checkpoints signed by one of {@code keys}; a file without any is refused unless {@code withoutCheckpoint}. */
    public static CheckpointTrust signedBy(List<NoteVerifier> keys, boolean withoutCheckpoint) {
        return new CheckpointTrust(keys, true, withoutCheckpoint);
    }

    /** Every checkpoint's root recomputed from the file, signatures unchecked; a file without any accepted. */
    public static CheckpointTrust rootsOnly() {
        return new CheckpointTrust(List.of(), false, true);
    }
}
