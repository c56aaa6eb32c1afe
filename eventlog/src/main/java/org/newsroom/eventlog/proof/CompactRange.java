package org.newsroom.eventlog.proof;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * A Merkle tree (RFC 9162 §2.1) grown one leaf hash at a time in O(log n) memory: it keeps the roots of the perfect
 * subtrees the leaves so far decompose into, largest first, and answers the root of the tree of all of them. For
 * computing the root of a stream of leaves (an export, an import) without holding the leaves.
 */
public final class CompactRange {

    /** The perfect subtrees' roots, the smallest (rightmost) first. */
    private final Deque<byte[]> subtrees = new ArrayDeque<>();

    private long size;

    public void append(byte[] leafHash) {
        byte[] hash = leafHash;
        for (long carry = size; (carry & 1) == 1; carry >>= 1) {
            hash = MerkleTree.nodeHash(subtrees.pop(), hash);
        }
        subtrees.push(hash);
        size++;
    }

    /** How many leaves were appended. */
    public long size() {
        return size;
    }

    /** The root of the tree of the leaves appended so far. */
    public byte[] root() {
        Iterator<byte[]> smallestFirst = subtrees.iterator();
        if (!smallestFirst.hasNext()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = smallestFirst.next();
        while (smallestFirst.hasNext()) {
            root = MerkleTree.nodeHash(smallestFirst.next(), root);
        }
        return root;
    }
}
