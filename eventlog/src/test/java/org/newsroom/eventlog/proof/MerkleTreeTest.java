package org.newsroom.eventlog.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The tree math against the definitions of RFC 9162 §2.1 written out literally (MTH, PATH, PROOF over lists), for
 * every leaf and every pair of sizes of small trees, and against the RFC 6962 test vectors of the Certificate
 * Transparency project (the roots of the trees of the first one to eight of its eight test leaves).
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rootsMatchTheCertificateTransparencyTestVectors() {
        String[] leaves = {
            "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
        };
        String[] roots = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
        };
        List<byte[]> hashes = new ArrayList<>();
        for (int n = 1; n <= leaves.length; n++) {
            hashes.add(MerkleTree.leafHash(HEX.parseHex(leaves[n - 1])));
            assertThat(HEX.formatHex(MerkleTree.root(hashes)))
                    .as("root of %d leaves", n)
                    .isEqualTo(roots[n - 1]);
        }
        assertThat(HEX.formatHex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void everyInclusionProofOfSmallTreesIsTheRfcsPathAndVerifies() {
        for (int size = 1; size <= 70; size++) {
            List<byte[]> leaves = leaves(size);
            MerkleTree.Hashes hashes = MerkleTree.inMemory(leaves);
            byte[] root = mth(leaves);
            assertThat(MerkleTree.root(hashes, size)).isEqualTo(root);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleTree.inclusionProof(hashes, index, size);
                assertThat(proof).as("path of %d in %d", index, size).containsExactlyElementsOf(path(index, leaves));
                assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), proof, root))
                        .isTrue();
                assertThat(MerkleTree.verifyInclusion(index, size, leaves.get((index + 1) % size), proof, root))
                        .as("another leaf with the same path")
                        .isEqualTo(size == 1);
                if (size > 1) {
                    assertThat(MerkleTree.verifyInclusion((index + 1) % size, size, leaves.get(index), proof, root))
                            .as("the leaf at another index")
                            .isFalse();
                }
            }
        }
    }

    @Test
    void everyConsistencyProofOfSmallTreesIsTheRfcsProofAndVerifies() {
        List<byte[]> all = leaves(48);
        MerkleTree.Hashes hashes = MerkleTree.inMemory(all);
        for (int to = 1; to <= all.size(); to++) {
            byte[] toRoot = mth(all.subList(0, to));
            for (int from = 1; from <= to; from++) {
                byte[] fromRoot = mth(all.subList(0, from));
                List<byte[]> proof = MerkleTree.consistencyProof(hashes, from, to);
                List<byte[]> expected = from == to ? List.of() : subproof(from, all.subList(0, to), true);
                assertThat(proof).as("proof %d to %d", from, to).containsExactlyElementsOf(expected);
                assertThat(MerkleTree.verifyConsistency(from, to, fromRoot, toRoot, proof))
                        .as("%d to %d", from, to)
                        .isTrue();
                byte[] otherRoot = MerkleTree.nodeHash(fromRoot, fromRoot);
                assertThat(MerkleTree.verifyConsistency(from, to, otherRoot, toRoot, proof))
                        .isFalse();
                assertThat(MerkleTree.verifyConsistency(from, to, fromRoot, otherRoot, proof))
                        .isFalse();
            }
        }
    }

    @Test
    void aProofForAnotherTreeSizeDoesNotVerify() {
        List<byte[]> leaves = leaves(21);
        MerkleTree.Hashes hashes = MerkleTree.inMemory(leaves);
        List<byte[]> proof = MerkleTree.inclusionProof(hashes, 5, 21);

        assertThat(MerkleTree.verifyInclusion(5, 20, leaves.get(5), proof, mth(leaves.subList(0, 20))))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(21, 21, leaves.get(5), proof, mth(leaves)))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(
                        6, 21, mth(leaves.subList(0, 5)), mth(leaves), MerkleTree.consistencyProof(hashes, 5, 21)))
                .isFalse();
    }

    static List<byte[]> leaves(int size) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    // ---- RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1, literally, over lists of leaf hashes ----

    private static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = k(d.size());
        return MerkleTree.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> result = new ArrayList<>();
        if (d.size() == 1) {
            return result;
        }
        int k = k(d.size());
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, d.size())));
        } else {
            result.addAll(path(m - k, d.subList(k, d.size())));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> result = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = k(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
