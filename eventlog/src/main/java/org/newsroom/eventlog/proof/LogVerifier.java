package org.newsroom.eventlog.proof;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;

/**
 * Checks stored events against the latest signed checkpoint: the checkpoint's note must be signed by one of our keys
 * and state the stored size and root; an event is included when its leaf hash, recomputed from the stored document,
 * leads through the stored tiles' audit path to the signed root; and the log must still hold every position the
 * checkpoint covers. Rewriting an event, even with its hash chain and the tiles recomputed, changes the root the path
 * leads to, and the root is only trusted as far as the signature over it.
 */
public final class LogVerifier {

    private final TileStore tiles;
    private final CheckpointStore checkpoints;
    private final EventLogStorageEngine engine;
    private final String origin;
    private final List<NoteVerifier> keys;

    public LogVerifier(
            TileStore tiles,
            CheckpointStore checkpoints,
            EventLogStorageEngine engine,
            String origin,
            List<NoteVerifier> keys) {
        this.tiles = tiles;
        this.checkpoints = checkpoints;
        this.engine = engine;
        this.origin = origin;
        this.keys = List.copyOf(keys);
    }

    /** The latest checkpoint, once its signature and content are checked; empty if none was signed yet. */
    public Optional<VerifiedCheckpoint> latest() {
        return checkpoints.latest().map(this::verify);
    }

    /** The checkpoint, if its note is signed by one of our keys and states what is stored with it. */
    public VerifiedCheckpoint verify(SignedCheckpoint stored) {
        Checkpoint signed = Checkpoint.parse(SignedNote.open(stored.note(), keys));
        if (!signed.origin().equals(origin)) {
            throw new SignedNote.InvalidNote("checkpoint " + stored.number() + " is of the log '" + signed.origin()
                    + "', not of '" + origin + "'");
        }
        if (signed.size() != stored.size() || !signed.rootHashBase64().equals(stored.rootHash())) {
            throw new SignedNote.InvalidNote(
                    "checkpoint " + stored.number() + " is stored with a size or root other than its note signs");
        }
        return new VerifiedCheckpoint(stored, signed);
    }

    /** How a stored event stands against a checkpoint's tree. */
    public enum Inclusion {
        /** Its leaf leads through the stored tiles to the signed root. */
        INCLUDED,
        /** The stored tree holds another leaf at its position: the event was altered, the tiles were not. */
        ALTERED,
        /**
         * The stored tree holds its leaf but no longer leads to the signed root (or lacks tiles): the log and the
         * tiles were rewritten after the checkpoint was signed; which event was, the tiles no longer tell.
         */
        TREE_REWRITTEN,
        /** The checkpoint does not cover its position. */
        NOT_COVERED
    }

    /** Whether the stored event is the leaf the checkpoint's tree holds at its position, through the stored tiles. */
    public Inclusion inclusion(StoredEventView event, VerifiedCheckpoint checkpoint) {
        long index = event.position() - 1;
        long size = checkpoint.signed().size();
        if (index < 0 || index >= size) {
            return Inclusion.NOT_COVERED;
        }
        byte[] leaf = Leaves.hash(event);
        try {
            if (!MessageDigest.isEqual(tiles.leafHash(index), leaf)) {
                return Inclusion.ALTERED;
            }
            List<byte[]> path = tiles.inclusionProof(index, size);
            return MerkleTree.verifyInclusion(
                            index, size, leaf, path, checkpoint.signed().rootHash())
                    ? Inclusion.INCLUDED
                    : Inclusion.TREE_REWRITTEN;
        } catch (TileStore.MissingTile e) {
            return Inclusion.TREE_REWRITTEN;
        }
    }

    /** The first position the checkpoint covers that the log no longer holds, if any. */
    public OptionalLong firstMissingPosition(VerifiedCheckpoint checkpoint) {
        return engine.firstMissingPosition(checkpoint.signed().size());
    }

    /** A stored checkpoint whose note verified, and what the note signs. */
    public record VerifiedCheckpoint(SignedCheckpoint stored, Checkpoint signed) {}
}
