package org.newsroom.eventlog.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The size of proofs at 10,000 and 1,000,000 events, on generated trees of leaf hashes (no database): the number of
 * hashes and bytes of inclusion and consistency proofs, raw and as the proof routes answer them (JSON, base64),
 * printed for the docs; each proof verifies and stays within the RFC's logarithmic bound.
 */
class ProofSizesTest {

    @ParameterizedTest
    @ValueSource(longs = {10_000, 1_000_000})
    void proofsStayLogarithmic(long size) {
        Levels tree = new Levels(size);
        byte[] root = MerkleTree.root(tree, size);
        int bound = 64 - Long.numberOfLeadingZeros(size - 1);

        int inclusionMax = 0;
        int inclusionJson = 0;
        for (long index : new long[] {0, size / 2, size - 2, size - 1}) {
            List<byte[]> path = MerkleTree.inclusionProof(tree, index, size);
            assertThat(MerkleTree.verifyInclusion(index, size, tree.node(0, index), path, root))
                    .isTrue();
            assertThat(path.size()).isLessThanOrEqualTo(bound);
            if (path.size() > inclusionMax) {
                inclusionMax = path.size();
                inclusionJson = ("{\"leafIndex\":" + index + ",\"treeSize\":" + size + ",\"leafHash\":\""
                                + base64(tree.node(0, index)) + "\",\"path\":" + json(path) + "}")
                        .length();
            }
        }
        int consistencyMax = 0;
        int consistencyJson = 0;
        for (long from : new long[] {1, 3, size / 2 + 1, size - 1}) {
            List<byte[]> path = MerkleTree.consistencyProof(tree, from, size);
            assertThat(MerkleTree.verifyConsistency(from, size, MerkleTree.root(tree, from), root, path))
                    .isTrue();
            assertThat(path.size()).isLessThanOrEqualTo(bound + 1);
            if (path.size() > consistencyMax) {
                consistencyMax = path.size();
                consistencyJson = ("{\"from\":" + from + ",\"to\":" + size + ",\"path\":" + json(path) + "}").length();
            }
        }
        System.out.printf(
                "proof sizes at %,d events: inclusion %d hashes = %d bytes (%d bytes as JSON);"
                        + " consistency %d hashes = %d bytes (%d bytes as JSON)%n",
                size,
                inclusionMax,
                inclusionMax * MerkleTree.HASH_SIZE,
                inclusionJson,
                consistencyMax,
                consistencyMax * MerkleTree.HASH_SIZE,
                consistencyJson);
    }

    private static String json(List<byte[]> path) {
        return path.stream().map(hash -> "\"" + base64(hash) + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    /** Every complete subtree's hash of a generated tree, computed once, level by level. */
    private static final class Levels implements MerkleTree.Hashes {
        private final List<List<byte[]>> levels = new ArrayList<>();

        Levels(long size) {
            List<byte[]> level = new ArrayList<>();
            for (long i = 0; i < size; i++) {
                level.add(MerkleTree.leafHash(ByteBuffer.allocate(8).putLong(i).array()));
            }
            levels.add(level);
            while (level.size() > 1) {
                List<byte[]> next = new ArrayList<>(level.size() / 2);
                for (int i = 0; i + 1 < level.size(); i += 2) {
                    next.add(MerkleTree.nodeHash(level.get(i), level.get(i + 1)));
                }
                levels.add(next);
                level = next;
            }
        }

        @Override
        public byte[] node(int height, long index) {
            return levels.get(height).get((int) index);
        }
    }
}
