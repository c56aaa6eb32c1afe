package org.newsroom.eventlog.proof;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The Merkle tree hash of RFC 9162 §2.1 (the hashing of RFC 6962): {@code leaf = SHA-256(0x00 ‖ leaf bytes)},
 * {@code node = SHA-256(0x01 ‖ left ‖ right)}, the empty tree's root {@code SHA-256()}, and a tree of {@code n > 1}
 * leaves split at the largest power of two below {@code n}. Inclusion and consistency proofs are generated over any
 * {@link Hashes source of subtree hashes} (§2.1.3.1, §2.1.4.1) and verified from the proof alone (§2.1.3.2,
 * §2.1.4.2).
 */
public final class MerkleTree {

    public static final int HASH_SIZE = 32;

    private MerkleTree() {}

    /** Where a proof reads its hashes from: the hash of the complete, aligned subtree of leaves [start, end). */
    @FunctionalInterface
    public interface Hashes {

        /**
         * The root of the subtree of leaves {@code [index << height, (index + 1) << height)}; only asked for subtrees
         * that lie wholly inside the tree.
         */
        byte[] node(int height, long index);
    }

    public static byte[] leafHash(byte[] leafBytes) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(leafBytes);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH(D[start:end]) built from complete subtrees: the root of the tree of size {@code end} when start is 0. */
    public static byte[] rangeHash(Hashes hashes, long start, long end) {
        long size = end - start;
        if (size <= 0) {
            return emptyRoot();
        }
        if (Long.bitCount(size) == 1 && start % size == 0) {
            int height = Long.numberOfTrailingZeros(size);
            return hashes.node(height, start >> height);
        }
        long split = largestPowerOfTwoBelow(size);
        return nodeHash(rangeHash(hashes, start, start + split), rangeHash(hashes, start + split, end));
    }

    public static byte[] root(Hashes hashes, long size) {
        return rangeHash(hashes, 0, size);
    }

    /** The root of a tree over these leaf hashes, computed in memory. */
    public static byte[] root(List<byte[]> leafHashes) {
        return root(inMemory(leafHashes), leafHashes.size());
    }

    /** Subtree hashes of an in-memory list of leaf hashes (for tests, benchmarks and small trees). */
    public static Hashes inMemory(List<byte[]> leafHashes) {
        return new Hashes() {
            @Override
            public byte[] node(int height, long index) {
                if (height == 0) {
                    return leafHashes.get((int) index);
                }
                return nodeHash(node(height - 1, 2 * index), node(height - 1, 2 * index + 1));
            }
        };
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves (RFC 9162 §2.1.3.1), leaf to root. */
    public static List<byte[]> inclusionProof(Hashes hashes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size + " leaves");
        }
        List<byte[]> path = new ArrayList<>();
        inclusionPath(hashes, index, 0, size, path);
        return path;
    }

    private static void inclusionPath(Hashes hashes, long index, long start, long end, List<byte[]> path) {
        long size = end - start;
        if (size <= 1) {
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (index - start < split) {
            inclusionPath(hashes, index, start, start + split, path);
            path.add(rangeHash(hashes, start + split, end));
        } else {
            inclusionPath(hashes, index, start + split, end, path);
            path.add(rangeHash(hashes, start, start + split));
        }
    }

    /** The proof that the tree of {@code from} leaves is a prefix of the tree of {@code to} (RFC 9162 §2.1.4.1). */
    public static List<byte[]> consistencyProof(Hashes hashes, long from, long to) {
        if (from < 1 || from > to) {
            throw new IllegalArgumentException("no consistency proof from " + from + " to " + to + " leaves");
        }
        List<byte[]> path = new ArrayList<>();
        if (from < to) {
            subproof(hashes, from, 0, to, true, path);
        }
        return path;
    }

    private static void subproof(Hashes hashes, long m, long start, long end, boolean whole, List<byte[]> path) {
        long size = end - start;
        if (m == size) {
            if (!whole) {
                path.add(rangeHash(hashes, start, end));
            }
            return;
        }
        long split = largestPowerOfTwoBelow(size);
        if (m <= split) {
            subproof(hashes, m, start, start + split, whole, path);
            path.add(rangeHash(hashes, start + split, end));
        } else {
            subproof(hashes, m - split, start + split, end, false, path);
            path.add(rangeHash(hashes, start, start + split));
        }
    }

    /** The root that an inclusion proof leads to from a leaf hash (RFC 9162 §2.1.3.2), or null if it cannot. */
    public static byte @Nullable [] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        byte[] computed = rootFromInclusionProof(index, size, leafHash, path);
        return computed != null && MessageDigest.isEqual(computed, root);
    }

    /** Whether the tree of {@code from} leaves with root {@code fromRoot} is a prefix of the other (§2.1.4.2). */
    public static boolean verifyConsistency(long from, long to, byte[] fromRoot, byte[] toRoot, List<byte[]> path) {
        if (from < 1 || from > to) {
            return false;
        }
        if (from == to) {
            return path.isEmpty() && MessageDigest.isEqual(fromRoot, toRoot);
        }
        List<byte[]> proof = new ArrayList<>(path);
        if (Long.bitCount(from) == 1) {
            proof.add(0, fromRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        long fn = from - 1;
        long sn = to - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = proof.get(0);
        byte[] sr = proof.get(0);
        for (byte[] c : proof.subList(1, proof.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, fromRoot) && MessageDigest.isEqual(sr, toRoot);
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
