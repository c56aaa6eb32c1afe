package org.newsroom.embedded;

import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

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
 * event). Here write commands run one at a time and none returns before a commit that includes it; reads run
 * concurrently with each other but never while a write is not yet committed. Auto-commit is disabled so that no
 * background commit can persist half of a write; the store is compacted from time to time while readers are held off.
 * <p>
 * Writes that arrive while another is being applied share its commit (group commit): a writer that sees another
 * writer waiting leaves the commit to it, and readers stay held off until the commit; each writer still returns only
 * once its write is committed. A commit costs about as much for one small write as for several, so concurrent
 * writers (the event log, three projections, the token store) no longer pay one commit each.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert",
            "update",
            "delete",
            "findandmodify",
            "create",
            "createindexes",
            "drop",
            "dropindexes",
            "dropdatabase",
            "renamecollection",
            "collmod");
    private static final int COMMITS_BETWEEN_COMPACTIONS = 1_000;
    private static final int TARGET_FILL_RATE_PERCENT = 70;
    /**
     * H2 keeps this much of the file's pages in memory, deserialized; its default of 16 MB held about a tenth of a
     * 100,000-event log with its read models, so most reads deserialized whole pages again.
     */
    private static final int CACHE_MB = 64;

    private static final int PAGE_SPLIT_BYTES = 4 * 1024;

    private final MVStore store;
    private static final int MAX_GROUP = 16;

    /** One writer applies its command at a time. */
    private final ReentrantLock writers = new ReentrantLock();
    /** Held for reading by reads, and for writing from a group's first write until its commit (by any thread). */
    private final StampedLock visibility = new StampedLock();

    private final Object committed = new Object();
    private long groupStamp;
    private int groupSize;
    private long applied;
    private long committedTicket;
    private volatile RuntimeException storeFailure;
    private volatile long commits;
    /** Set by the first database opened, which the superclass's constructor may do before this class's fields are. */
    private @Nullable LongAdder examined;

    private int commitsSinceCompaction;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    static DurableH2Backend openFile(String fileName) {
        MVStore store = new MVStore.Builder()
                .fileName(fileName)
                .autoCommitDisabled()
                .cacheSize(CACHE_MB)
                .pageSplitSize(PAGE_SPLIT_BYTES)
                .open();
        // Freed chunks may be reused at once. H2's 45 s default guards against disk caches reordering writes on power
        // loss; a killed process cannot reorder what it already handed to the OS, and per-write commits would
        // otherwise grow the file by gigabytes an hour under load.
        store.setRetentionTime(0);
        BsonDocuments.convert(store);
        DurableH2Backend backend = new DurableH2Backend(store);
        // opening may have copied indexes written by an earlier version into key order (EmbeddedDatabase)
        store.commit();
        return backend;
    }

    static DurableH2Backend memory() {
        return new DurableH2Backend(new MVStore.Builder().open());
    }

    /** Databases whose unique indexes and documents need no Java serialization. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        if (examined == null) {
            examined = new LongAdder();
        }
        return EmbeddedDatabase.open(databaseName, getMvStore(), getCursorRegistry(), examined);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!isWrite(command, query)) {
            long stamp = visibility.readLock();
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                visibility.unlockRead(stamp);
            }
        }
        Document response = null;
        RuntimeException failure = null;
        long ticket;
        boolean commits;
        writers.lock();
        try {
            failIfBroken();
            if (groupStamp == 0) {
                groupStamp = visibility.writeLock();
            }
            try {
                response = super.handleCommand(channel, databaseName, command, query);
            } catch (RuntimeException e) {
                failure = e;
            }
            ticket = ++applied;
            commits = ++groupSize >= MAX_GROUP || !writers.hasQueuedThreads();
            if (commits) {
                commitGroup(ticket);
            }
        } finally {
            writers.unlock();
        }
        if (!commits) {
            awaitCommit(ticket);
        }
        if (failure != null) {
            throw failure;
        }
        return response;
    }

    /** Commits every write applied since the last commit, then lets readers in and wakes the group's writers. */
    private void commitGroup(long ticket) {
        try {
            store.commit();
            commits++;
            if (++commitsSinceCompaction >= COMMITS_BETWEEN_COMPACTIONS) {
                commitsSinceCompaction = 0;
                compact();
            }
        } catch (RuntimeException e) {
            storeFailure = e;
            throw e;
        } finally {
            visibility.unlockWrite(groupStamp);
            groupStamp = 0;
            groupSize = 0;
            synchronized (committed) {
                committedTicket = ticket;
                committed.notifyAll();
            }
        }
    }

    /** Group commits since start, for tests. */
    long commits() {
        return commits;
    }

    /** Documents read to match a query, update or delete filter since start, for tests. */
    long documentsExamined() {
        LongAdder counter = examined;
        return counter == null ? 0 : counter.sum();
    }

    private void awaitCommit(long ticket) {
        boolean interrupted = false;
        synchronized (committed) {
            while (committedTicket < ticket) {
                try {
                    committed.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        failIfBroken();
    }

    private void failIfBroken() {
        RuntimeException failure = storeFailure;
        if (failure != null) {
            throw new IllegalStateException("the store could not commit a write; restart the application", failure);
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
        return name.equals("aggregate")
                && query.get("pipeline") instanceof java.util.List<?> stages
                && stages.stream()
                        .anyMatch(stage ->
                                stage instanceof Document d && (d.containsKey("$out") || d.containsKey("$merge")));
    }

    @Override
    public void close() {
        writers.lock();
        try {
            if (groupStamp != 0) {
                // the last writers left their commit to whoever came next: this close
                commitGroup(applied);
            }
            long stamp = visibility.writeLock();
            try {
                super.close();
            } finally {
                visibility.unlockWrite(stamp);
            }
        } finally {
            writers.unlock();
        }
    }
}
