package org.newsroom.eventlog.proof;

import java.util.Arrays;
import java.util.Base64;

/**
 * The body of a C2SP tlog-checkpoint: the origin (the log's identity), the tree size in decimal and the root hash in
 * standard base64, one per line, no extension lines.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public Checkpoint {
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree has no negative size");
        }
        if (rootHash.length != MerkleTree.HASH_SIZE) {
            throw new IllegalArgumentException("a root hash has 32 bytes");
        }
        rootHash = rootHash.clone();
    }

    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** The checkpoint a verified note text states. */
    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new SignedNote.InvalidNote("a checkpoint is an origin, a size and a root hash, one per line");
        }
        try {
            if (!lines[1].matches("0|[1-9][0-9]*")) {
                throw new IllegalArgumentException("the size '" + lines[1] + "' is not a decimal number");
            }
            return new Checkpoint(
                    lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
        } catch (IllegalArgumentException e) {
            throw new SignedNote.InvalidNote("not a checkpoint: " + e.getMessage());
        }
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String rootHashBase64() {
        return Base64.getEncoder().encodeToString(rootHash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && origin.equals(that.origin)
                && size == that.size
                && Arrays.equals(rootHash, that.rootHash);
    }

    @Override
    public int hashCode() {
        return 31 * origin.hashCode() + Long.hashCode(size) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return origin + " " + size + " " + rootHashBase64();
    }
}
