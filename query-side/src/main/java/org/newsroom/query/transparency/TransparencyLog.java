package org.newsroom.query.transparency;

import java.util.Base64;
import java.util.List;

import org.newsroom.eventlog.proof.CheckpointStore;
import org.newsroom.eventlog.proof.NoteVerifier;
import org.newsroom.eventlog.proof.SignedCheckpoint;
import org.newsroom.eventlog.proof.TileStore;
import org.newsroom.platform.web.ProblemException;

/**
 * The public reads of the transparency log: the latest checkpoint, the verifier keys, and proofs read from the tiles
 * for any tree size up to the latest checkpoint's (a larger tree is not signed yet: 404 {@code size-not-signed}).
 */
public class TransparencyLog {

    public static final String NO_CHECKPOINT = "no-checkpoint";
    public static final String SIZE_NOT_SIGNED = "size-not-signed";

    private final TileStore tiles;
    private final CheckpointStore checkpoints;
    private final String origin;
    private final List<NoteVerifier> keys;

    TransparencyLog(TileStore tiles, CheckpointStore checkpoints, String origin, List<NoteVerifier> keys) {
        this.tiles = tiles;
        this.checkpoints = checkpoints;
        this.origin = origin;
        this.keys = List.copyOf(keys);
    }

    public CheckpointView latestCheckpoint() {
        SignedCheckpoint latest = latest();
        return new CheckpointView(latest.size(), latest.rootHash(), latest.timestamp(), latest.note());
    }

    public PublicKeys publicKeys() {
        return new PublicKeys(origin, keys.stream().map(NoteVerifier::vkey).toList());
    }

    public InclusionProof handle(ProveInclusion query) {
        long size = query.size() != null ? query.size() : latest().size();
        requireSigned(Math.max(size, query.position()));
        long index = query.position() - 1;
        return new InclusionProof(
                index, size, base64(tiles.leafHash(index)), base64(tiles.inclusionProof(index, size)));
    }

    public ConsistencyProof handle(ProveConsistency query) {
        requireSigned(query.to());
        return new ConsistencyProof(query.from(), query.to(), base64(tiles.consistencyProof(query.from(), query.to())));
    }

    private void requireSigned(long size) {
        long signed = latest().size();
        if (size > signed) {
            throw ProblemException.notFound(
                            SIZE_NOT_SIGNED,
                            "the latest checkpoint covers " + signed + " events; the tree of " + size
                                    + " is not signed yet")
                    .with("latestSize", signed);
        }
    }

    private SignedCheckpoint latest() {
        return checkpoints
                .latest()
                .orElseThrow(() -> ProblemException.notFound(NO_CHECKPOINT, "the log has signed no checkpoint yet"));
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(TransparencyLog::base64).toList();
    }
}
