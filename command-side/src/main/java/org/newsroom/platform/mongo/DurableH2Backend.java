package org.newsroom.platform.mongo;

import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend made durable: a write is committed to the MVStore before it is acknowledged, and no
 * reader ever sees a write that is not yet committed.
 * <p>
 * Stock H2Backend commits in the background about once a second, so a kill -9 can lose acknowledged writes, and a
 * reader can act on a write that is then lost (for the event log that would mean a position reused by another
 * event). Here every write command runs alone and commits before it returns; reads run concurrently with each other
 * but never with a write. Auto-commit is disabled so that no background commit can persist half of a write; the
 * store is compacted from time to time under the same exclusive lock.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "create", "createindexes", "drop", "dropindexes",
            "dropdatabase", "renamecollection", "collmod");
    private static final int COMMITS_BETWEEN_COMPACTIONS = 1_000;
    private static final int TARGET_FILL_RATE_PERCENT = 70;
    /**
     * H2 keeps this much of the file's pages in memory, deserialized; its default of 16 MB held about a tenth of a
     * 100,000-event log with its read models, so most reads deserialized whole pages again.
     */
    private static final int CACHE_MB = 64;

    private final MVStore store;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private int commitsSinceCompaction;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    static DurableH2Backend openFile(String fileName) {
        MVStore store = new MVStore.Builder().fileName(fileName).autoCommitDisabled().cacheSize(CACHE_MB).open();
        // Freed chunks may be reused at once. H2's 45 s default guards against disk caches reordering writes on power
        // loss; a killed process cannot reorder what it already handed to the OS, and per-write commits would
        // otherwise grow the file by gigabytes an hour under load.
        store.setRetentionTime(0);
        DurableH2Backend backend = new DurableH2Backend(store);
        // opening may have copied indexes written by an earlier version into key order (OrderedIndexes)
        store.commit();
        return backend;
    }

    static DurableH2Backend memory() {
        return new DurableH2Backend(new MVStore.Builder().open());
    }

    /** Databases whose unique indexes compare keys without Java serialization. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return OrderedIndexes.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!isWrite(command, query)) {
            lock.readLock().lock();
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                lock.readLock().unlock();
            }
        }
        lock.writeLock().lock();
        try {
            Document response = super.handleCommand(channel, databaseName, command, query);
            store.commit();
            if (++commitsSinceCompaction >= COMMITS_BETWEEN_COMPACTIONS) {
                commitsSinceCompaction = 0;
                compact();
            }
            return response;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void compact() {
        if (store.getFileStore() != null && store.compact(TARGET_FILL_RATE_PERCENT, 16 * 1024 * 1024)) {
            store.commit();
        }
    }

    private static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(java.util.Locale.ROOT);
        if (WRITE_COMMANDS.contains(name)) {
            return true;
        }
        // an aggregation ending in $out or $merge writes a collection
        return name.equals("aggregate") && query.get("pipeline") instanceof java.util.List<?> stages
                && stages.stream().anyMatch(stage -> stage instanceof Document d
                        && (d.containsKey("$out") || d.containsKey("$merge")));
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            super.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
