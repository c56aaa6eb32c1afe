package org.newsroom.eventlog.proof;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The Merkle tree of the event log, stored as tiles in the manner of C2SP tlog-tiles: a tile of level {@code L} and
 * index {@code N} holds up to 256 consecutive hashes of the tree at height {@code 8L} (level 0: leaf hashes
 * {@code 256N …}; level 1: the roots of full level-0 tiles; and so on), one document per tile:
 * <pre>
 * transparency_tiles: { _id: "L/N", level: L, index: N, width: w, hashes: BinData(w × 32 bytes) }
 * transparency_tree:  { _id: "head", size, lastContent }   (lastContent: the last position that is not a checkpoint)
 * </pre>
 * A tile's content is a function of the log alone, so any instance may write any tile: a tile is replaced only by a
 * wider one (a partial tile rewritten as it fills), and the head only by a larger size, written after the tiles it
 * needs. Any hash a proof needs lies in one tile, so a proof reads O(log n) tiles, all in one query.
 */
public final class TileStore {

    public static final String TILES = "transparency_tiles";
    public static final String TREE = "transparency_tree";
    static final int TILE_HEIGHT = 8;
    static final int TILE_WIDTH = 1 << TILE_HEIGHT;

    private static final String HEAD = "head";
    private static final byte[] UNKNOWN = new byte[MerkleTree.HASH_SIZE];

    private final MongoCollection<Document> tiles;
    private final MongoCollection<Document> tree;

    public TileStore(MongoDatabase database) {
        this.tiles = database.getCollection(TILES);
        this.tree = database.getCollection(TREE);
    }

    /** How far the stored tree reaches: its size, and the last position it covers that is not a checkpoint. */
    public record TreeHead(long size, long lastContent) {}

    public TreeHead head() {
        Document head = tree.find(eq("_id", HEAD)).first();
        if (head == null) {
            return new TreeHead(0, 0);
        }
        return new TreeHead(
                head.get("size", Number.class).longValue(),
                head.get("lastContent", Number.class).longValue());
    }

    /**
     * Extends the stored tree with the log's events after its size, as far as the log holds every position, reading
     * and writing {@code chunk} events at a time. {@code content} tells an event that is not a checkpoint.
     */
    public TreeHead extend(EventLogStorageEngine engine, Predicate<StoredEventView> content, int chunk) {
        TreeHead head = head();
        while (true) {
            List<StoredEventView> events = engine.storedEventsFrom(head.size() + 1, chunk);
            if (events.isEmpty()) {
                return head;
            }
            long lastContent = head.lastContent();
            List<byte[]> leaves = new ArrayList<>(events.size());
            for (StoredEventView event : events) {
                leaves.add(Leaves.hash(event));
                if (content.test(event)) {
                    lastContent = event.position();
                }
            }
            head = append(head.size(), leaves, lastContent);
        }
    }

    /** Appends leaf hashes to the stored tree of {@code size} leaves; for the extension above and for tests. */
    TreeHead append(long size, List<byte[]> leafHashes, long lastContent) {
        Map<Integer, Edge> edges = loadEdges(size);
        Map<String, Edge> written = new LinkedHashMap<>();
        for (byte[] leaf : leafHashes) {
            add(edges, written, 0, leaf);
        }
        edges.values().stream().filter(edge -> edge.width() > 0).forEach(edge -> written.put(edge.id(), edge));
        written.values().forEach(this::write);
        long newSize = size + leafHashes.size();
        TreeHead head = new TreeHead(newSize, lastContent);
        replaceIfLarger(
                tree,
                and(eq("_id", HEAD), lt("size", newSize)),
                new Document("_id", HEAD).append("size", newSize).append("lastContent", lastContent));
        return head;
    }

    private void add(Map<Integer, Edge> edges, Map<String, Edge> written, int level, byte[] hash) {
        Edge edge = edges.computeIfAbsent(level, l -> new Edge(l, 0, new byte[0]));
        edge.append(hash);
        if (edge.width() == TILE_WIDTH) {
            written.put(edge.id(), edge.copy());
            byte[] root = MerkleTree.root(edge.hashes());
            edges.put(level, new Edge(level, edge.index() + 1, new byte[0]));
            add(edges, written, level + 1, root);
        }
    }

    /** The partial tile at the right edge of each level of the tree of {@code size} leaves, as stored. */
    private Map<Integer, Edge> loadEdges(long size) {
        Map<Integer, Edge> edges = new TreeMap<>();
        Map<String, Integer> wanted = new HashMap<>();
        for (int level = 0; (size >> (TILE_HEIGHT * level)) > 0; level++) {
            long count = size >> (TILE_HEIGHT * level);
            long index = count / TILE_WIDTH;
            int width = (int) (count % TILE_WIDTH);
            edges.put(level, new Edge(level, index, new byte[0]));
            if (width > 0) {
                wanted.put(tileId(level, index), width);
            }
        }
        Map<String, byte[]> stored = load(wanted.keySet());
        wanted.forEach((id, width) -> {
            byte[] hashes = stored.get(id);
            if (hashes == null || hashes.length < width * MerkleTree.HASH_SIZE) {
                throw new IllegalStateException("tile " + id + " is missing or narrower than the tree's head says");
            }
            int level = Integer.parseInt(id.substring(0, id.indexOf('/')));
            Edge edge = edges.get(level);
            edges.put(level, new Edge(level, edge.index(), Arrays.copyOf(hashes, width * MerkleTree.HASH_SIZE)));
        });
        return edges;
    }

    private void write(Edge tile) {
        replaceIfLarger(
                tiles,
                and(eq("_id", tile.id()), lt("width", tile.width())),
                new Document("_id", tile.id())
                        .append("level", tile.level())
                        .append("index", tile.index())
                        .append("width", tile.width())
                        .append("hashes", new Binary(tile.bytes())));
    }

    /** Replaces the document the filter finds, or inserts it; a larger one already stored wins (the upsert collides). */
    private static void replaceIfLarger(MongoCollection<Document> collection, Bson filter, Document document) {
        try {
            collection.replaceOne(filter, document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    // ---- reading ----

    /** The root of the stored tree of {@code size} leaves ({@code size} at most the head's). */
    public byte[] root(long size) {
        return withTiles(hashes -> MerkleTree.root(hashes, size));
    }

    public byte[] leafHash(long index) {
        return withTiles(hashes -> hashes.node(0, index));
    }

    public List<byte[]> inclusionProof(long index, long size) {
        return withTiles(hashes -> MerkleTree.inclusionProof(hashes, index, size));
    }

    public List<byte[]> consistencyProof(long from, long to) {
        return withTiles(hashes -> MerkleTree.consistencyProof(hashes, from, to));
    }

    /** Runs a computation once to learn which tiles it needs, loads them in one query, then runs it on them. */
    private <T> T withTiles(Function<MerkleTree.Hashes, T> computation) {
        Set<String> needed = new LinkedHashSet<>();
        computation.apply((height, index) -> {
            needed.add(tileOf(height, index));
            return UNKNOWN;
        });
        Map<String, byte[]> loaded = load(needed);
        return computation.apply((height, index) -> node(loaded, height, index));
    }

    private static String tileOf(int height, long index) {
        int level = height / TILE_HEIGHT;
        long first = index << (height % TILE_HEIGHT);
        return tileId(level, first / TILE_WIDTH);
    }

    private static byte[] node(Map<String, byte[]> loaded, int height, long index) {
        int level = height / TILE_HEIGHT;
        int within = height % TILE_HEIGHT;
        long first = index << within;
        String id = tileId(level, first / TILE_WIDTH);
        byte[] tile = loaded.get(id);
        int offset = (int) (first % TILE_WIDTH);
        int count = 1 << within;
        if (tile == null || tile.length < (offset + count) * MerkleTree.HASH_SIZE) {
            throw new MissingTile("tile " + id + " is missing or narrower than the tree needs");
        }
        List<byte[]> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = (offset + i) * MerkleTree.HASH_SIZE;
            entries.add(Arrays.copyOfRange(tile, from, from + MerkleTree.HASH_SIZE));
        }
        return count == 1 ? entries.get(0) : MerkleTree.root(entries);
    }

    private Map<String, byte[]> load(Set<String> ids) {
        Map<String, byte[]> loaded = new HashMap<>();
        if (ids.isEmpty()) {
            return loaded;
        }
        tiles.find(in("_id", new ArrayList<>(ids)))
                .forEach(tile -> loaded.put(
                        tile.getString("_id"), tile.get("hashes", Binary.class).getData()));
        return loaded;
    }

    static String tileId(int level, long index) {
        return level + "/" + index;
    }

    /** A tile the tree needs is not stored (or is shorter than it must be): the stored tree is behind or damaged. */
    public static final class MissingTile extends IllegalStateException {
        MissingTile(String message) {
            super(message);
        }
    }

    /** A tile being filled: its level, index and hashes so far. */
    private static final class Edge {
        private final int level;
        private final long index;
        private final byte[] buffer = new byte[TILE_WIDTH * MerkleTree.HASH_SIZE];
        private int width;

        Edge(int level, long index, byte[] hashes) {
            this.level = level;
            this.index = index;
            System.arraycopy(hashes, 0, buffer, 0, hashes.length);
            this.width = hashes.length / MerkleTree.HASH_SIZE;
        }

        void append(byte[] hash) {
            System.arraycopy(hash, 0, buffer, width * MerkleTree.HASH_SIZE, MerkleTree.HASH_SIZE);
            width++;
        }

        int width() {
            return width;
        }

        int level() {
            return level;
        }

        long index() {
            return index;
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer, width * MerkleTree.HASH_SIZE);
        }

        String id() {
            return tileId(level, index);
        }

        Edge copy() {
            return new Edge(level, index, bytes());
        }

        List<byte[]> hashes() {
            List<byte[]> hashes = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                hashes.add(Arrays.copyOfRange(buffer, i * MerkleTree.HASH_SIZE, (i + 1) * MerkleTree.HASH_SIZE));
            }
            return hashes;
        }
    }
}
