package org.newsroom.eventlog.export;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;

import org.newsroom.eventlog.proof.CompactRange;
import org.newsroom.eventlog.proof.MerkleTree;

/**
 * The leaf hashes of a file being read, kept in a temporary file (32 bytes a leaf) rather than in memory: the roots
 * its checkpoints state are checked once the whole file is read, since a checkpoint event names a size it lies after.
 */
final class LeafHashes implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final OutputStream out;
    private long size;

    private LeafHashes(Path file) throws IOException {
        this.file = file;
        this.out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
    }

    static LeafHashes create() {
        try {
            return new LeafHashes(Files.createTempFile("newsroom-leaves-", ".bin"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the leaf hashes", e);
        }
    }

    void add(byte[] leafHash) {
        try {
            out.write(leafHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        size++;
    }

    long size() {
        return size;
    }

    /** The root of the tree of the first {@code n} leaves, for each {@code n} asked (none beyond {@link #size}). */
    Map<Long, byte[]> rootsAt(SortedSet<Long> sizes) {
        Map<Long, byte[]> roots = new HashMap<>();
        if (sizes.isEmpty()) {
            return roots;
        }
        try {
            out.flush();
            CompactRange tree = new CompactRange();
            if (sizes.contains(0L)) {
                roots.put(0L, tree.root());
            }
            long last = sizes.last();
            byte[] leaf = new byte[MerkleTree.HASH_SIZE];
            try (DataInputStream in =
                    new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER))) {
                while (tree.size() < last) {
                    in.readFully(leaf);
                    tree.append(leaf.clone());
                    if (sizes.contains(tree.size())) {
                        roots.put(tree.size(), tree.root());
                    }
                }
            }
            return roots;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the leaf hashes from " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
