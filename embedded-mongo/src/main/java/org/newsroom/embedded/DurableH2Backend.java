package org.newsroom.embedded;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;

/**
 * mongo-java-server's H2 backend made durable: a write is committed to the MVStore and forced to the disk before it is
 * acknowledged, and no reader ever sees a write that is not on the disk yet.
 * <p>
 * Stock H2Backend commits in the background about once a second, so a kill -9 can lose acknowledged writes, and a
 * reader can act on a write that is then lost (for the event log that would mean a position reused by another
 * event). Here write commands run one at a time and none returns before a commit that includes it; reads run
 * concurrently with each other but never while a write is not yet on the disk. H2's commit only hands its chunk to the
 * operating system ({@code FileChannel.force} runs only on close and in compactions), which survives a kill -9 but not
 * a power cut, so every commit is followed by {@link MVStore#sync()}. Auto-commit is disabled so that no background
 * commit can persist half of a write; the store compacts itself in the background in small steps that hold off writers
 * for a few milliseconds each ({@link #compactStep}).
 * <p>
 * Writes that arrive while another is being applied share its commit (group commit): a writer that sees another
 * writer waiting leaves the commit to it, and readers stay held off until the commit; each writer still returns only
 * once its write is on the disk. A commit and its force cost about as much for one small write as for several, so
 * concurrent writers (the event log, three projections, the token store) share one force.
 * <p>
 * A group whose commit or force fails is rolled back to the last version on the disk before readers are let in, and
 * every writer of the group gets an error: a writer that reads back what it wrote then finds nothing. So is a group in
 * which a command fails with anything but a MongoDB error answer (a bug, an {@link Error}), since that command may have
 * applied half of its changes. If even the rollback fails (H2 closes a store whose chunk could not be written), the
 * backend refuses every command until the application is restarted, rather than serve what is not on the disk.
 */
final class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

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
    /** What a driver needs to connect, and so to receive the error that says the store is closed. */
    private static final Set<String> HANDSHAKE_COMMANDS = Set.of("hello", "ismaster", "buildinfo");

    /**
     * H2 keeps this much of the file's pages in memory, deserialized; its default of 16 MB held about a tenth of a
     * 100,000-event log with its read models, so most reads deserialized whole pages again.
     */
    private static final int CACHE_MB = 64;

    private static final int PAGE_SPLIT_BYTES = 4 * 1024;
    private static final int MAX_GROUP = 16;

    /** H2's store header entry (FileStore.HDR_VERSION) that records a version. */
    private static final String HEADER_VERSION = "version";

    private final MVStore store;
    private final Compaction compaction;
    /**
     * Runs {@link #compactStep} now and then; only for a store in a file. The file is this process's alone (H2 locks
     * it), so its housekeeping is too.
     */
    private final @Nullable ScheduledExecutorService compactor;

    /** One writer applies its command at a time. */
    private final ReentrantLock writers = new ReentrantLock();
    /** Held for reading by reads, and for writing from a group's first write until its commit (by any thread). */
    private final StampedLock visibility = new StampedLock();

    /** The group writers are joining; guarded by {@link #writers}. */
    private @Nullable Group open;

    private volatile @Nullable Throwable closedBy;
    private volatile long commits;
    /** Set by the first database opened, which the superclass's constructor may do before this class's fields are. */
    private @Nullable LongAdder examined;

    /** Compaction steps taken and the longest, for the storage benchmark and tests; written under {@link #writers}. */
    private volatile long compactionSteps;

    private volatile long longestCompactionStepNanos;

    private volatile long compactionNanos;

    private volatile long rewriteNanos;

    private volatile long moveNanos;

    /** Only the compactor's thread uses it. */
    private int stepsPostponed;

    private DurableH2Backend(MVStore store, Compaction compaction) {
        super(store);
        this.store = store;
        this.compaction = compaction;
        if (store.getFileStore() == null) {
            compactor = null;
        } else {
            compactor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "embedded-store-compactor");
                thread.setDaemon(true);
                return thread;
            });
            compactor.scheduleWithFixedDelay(
                    this::compactStepSafely,
                    compaction.firstStepAfter().toMillis(),
                    compaction.pause().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Opens (or creates) the H2 file, refusing one that has lost commits it had recorded; H2 itself would quietly fall
     * back to the newest complete set of chunks it can find, down to an empty store.
     */
    static DurableH2Backend openFile(String fileName) {
        return openFile(fileName, Compaction.DEFAULT);
    }

    static DurableH2Backend openFile(String fileName, Compaction compaction) {
        MVStore store = new MVStore.Builder()
                .fileName(fileName)
                .autoCommitDisabled()
                .cacheSize(CACHE_MB)
                .pageSplitSize(PAGE_SPLIT_BYTES)
                // LZF, per page: pages written before without it are read as they are
                .compress()
                .open();
        try {
            refuseIfVersionsAreMissing(store);
            // Freed chunks may be overwritten at once. MVStore.setRetentionTime's Javadoc: its 45 s default assumes
            // "that a file system and hard disk will flush all write buffers within this time. Using a lower value
            // might be dangerous, unless the file system and hard disk flush the buffers earlier. To manually flush
            // the buffers, use MVStore.getFile().force(true)". Every commit here is forced (commit()) before the next
            // one can overwrite anything, and H2 frees a chunk only 5 versions after its last use (versionsToKeep);
            // H2 itself sets 0 where it forces (compactFile, close). Space is reused (setReuseSpace(true), the
            // default; false only serves online copies of the file). 45 s keeps 45 s of commits in the file: in the
            // event-log benchmark its data directory peaked at 463 MB instead of 180-188 MB (BENCHMARKS.md).
            store.setRetentionTime(0);
            BsonDocuments.convert(store);
            DurableH2Backend backend = new DurableH2Backend(store, compaction);
            // opening may have copied indexes written by an earlier version into key order (EmbeddedDatabase)
            store.commit();
            store.sync();
            return backend;
        } catch (RuntimeException | Error e) {
            store.closeImmediately();
            throw e;
        }
    }

    static DurableH2Backend memory() {
        return new DurableH2Backend(new MVStore.Builder().open(), Compaction.DEFAULT);
    }

    /**
     * H2 writes the version of its newest chunk into the file header now and then, and on every clean close; what
     * opens must reach that version, but for one commit: H2 writes the header right after a chunk, and a power cut
     * before the force that follows may keep the header without the chunk (a commit nobody was told of).
     */
    private static void refuseIfVersionsAreMissing(MVStore store) {
        if (store.getFileStore() == null) {
            return;
        }
        long recorded = DataUtils.readHexLong(store.getStoreHeader(), HEADER_VERSION, 0);
        long opened = store.getCurrentVersion();
        if (opened < recorded - 1) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "its header records version %d, but the newest complete version in it is %d: part of the file is"
                            + " missing or overwritten",
                    recorded,
                    opened));
        }
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
        return isWrite(command, query)
                ? write(channel, databaseName, command, query)
                : read(channel, databaseName, command, query);
    }

    private Document read(Channel channel, String databaseName, String command, Document query) {
        long stamp = visibility.readLock();
        try {
            if (!HANDSHAKE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
                failIfClosed();
            }
            return super.handleCommand(channel, databaseName, command, query);
        } catch (Error e) {
            throw new MongoServerException("the embedded store failed to read: " + e, e);
        } finally {
            visibility.unlockRead(stamp);
        }
    }

    private Document write(Channel channel, String databaseName, String command, Document query) {
        Document response = null;
        MongoServerException answer = null;
        Group group;
        writers.lock();
        try {
            failIfClosed();
            group = open;
            if (group == null) {
                group = new Group(visibility.writeLock(), store.getCurrentVersion());
                open = group;
            }
            group.size++;
            try {
                response = super.handleCommand(channel, databaseName, command, query);
            } catch (MongoServerException e) {
                // an answer to the client (a duplicate key, a bad request), given as MongoDB gives it
                answer = e;
            } catch (Throwable e) {
                rollBack(group, new Failure(e, false));
            }
            if (open == group && (group.size >= MAX_GROUP || !writers.hasQueuedThreads())) {
                commit(group);
            }
        } finally {
            writers.unlock();
        }
        Failure failure = group.outcome();
        if (failure != null) {
            throw new MongoServerException(
                    "the write was not stored: "
                            + (failure.inCommit()
                                    ? "the embedded store could not commit it to the disk"
                                    : "a write applied with it failed")
                            + " (" + failure.cause() + "), and it was rolled back with the writes committed with it",
                    failure.cause());
        }
        if (answer != null) {
            throw answer;
        }
        return response;
    }

    /** Commits and forces every write of the group, then lets readers in and the group's writers return. */
    private void commit(Group group) {
        try {
            if (store.hasUnsavedChanges()) {
                store.commit();
                store.sync();
                commits++;
            }
        } catch (Throwable e) {
            rollBack(group, new Failure(e, true));
            return;
        }
        open = null;
        visibility.unlockWrite(group.stamp);
        group.resolve(null);
    }

    private void compactStepSafely() {
        try {
            compactStep();
        } catch (Throwable e) {
            // the executor would drop the schedule on an exception; the next step tries again
            log.warn("a compaction step of the embedded store failed", e);
        }
    }

    /**
     * One small step of compaction, holding off writers and readers for its length:
     * rewrites the live pages of the emptiest chunks, at most {@link Compaction#rewriteBytes} of them, into a new chunk
     * so that the old ones are freed, then moves at most {@link Compaction#moveBytes} of chunks from the end of the
     * file into free space nearer its start and cuts the file after the last chunk. Commits made during writes free
     * whole chunks at once, but a chunk that keeps one live page (a document never written again: most of the log)
     * stays, so without this the file holds about three times its live data. Each step is committed and forced like a
     * write; a step that fails is rolled back to the version before it, which every acknowledged write is part of.
     */
    void compactStep() {
        // a step waits for a moment without writes, but not for ever: under a steady stream of writes it would never
        // come, and the file would keep the garbage of every commit
        if (!writers.tryLock()) {
            if (++stepsPostponed < compaction.postponements()) {
                return;
            }
            writers.lock();
        }
        stepsPostponed = 0;
        try {
            if (closedBy != null || store.isClosed()) {
                return;
            }
            Group group = open;
            if (group != null) {
                // the last writers of a group left its commit to whoever came next: this step
                commit(group);
                if (closedBy != null) {
                    return;
                }
            }
            FileStore<?> file = store.getFileStore();
            if (file == null || file.size() < compaction.minimumFileBytes()) {
                return;
            }
            long started = System.nanoTime();
            long before = store.getCurrentVersion();
            // readers too: a step frees chunks at once (retention time 0), and a reader may be traversing them
            long stamp = visibility.writeLock();
            try {
                if (file.getChunksFillRate() < compaction.chunksFillRate()
                        && store.compact(compaction.chunksFillRate(), compaction.rewriteBytes())) {
                    store.commit();
                    store.sync();
                }
                long rewritten = System.nanoTime();
                rewriteNanos += rewritten - started;
                if (file instanceof RandomAccessStore randomAccess
                        && randomAccess.getFillRate() < compaction.fileFillRate()) {
                    // forces the file before it overwrites a moved chunk's old place, and after
                    randomAccess.compactMoveChunks(compaction.fileFillRate(), compaction.moveBytes(), store);
                }
                moveNanos += System.nanoTime() - rewritten;
            } catch (Throwable e) {
                log.warn("compacting the embedded store failed; undoing it", e);
                try {
                    store.rollbackTo(before);
                    store.sync();
                } catch (Throwable again) {
                    refuseEveryCommand(e, again);
                }
            } finally {
                visibility.unlockWrite(stamp);
            }
            long took = System.nanoTime() - started;
            compactionSteps++;
            compactionNanos += took;
            longestCompactionStepNanos = Math.max(longestCompactionStepNanos, took);
        } finally {
            writers.unlock();
        }
    }

    /**
     * Undoes every write of the group (rolls the store back to the version on the disk when the group began), lets
     * readers in and fails the group's writers.
     */
    private void rollBack(Group group, Failure failure) {
        log.error("a write failed; the {} write(s) of its group are rolled back", group.size, failure.cause());
        try {
            store.rollbackTo(group.version);
            // a rollback to a version already written (the force failed) is itself written to the file
            store.sync();
            reopenDatabases();
        } catch (Throwable e) {
            refuseEveryCommand(failure.cause(), e);
        } finally {
            open = null;
            visibility.unlockWrite(group.stamp);
            group.resolve(failure);
        }
    }

    /**
     * mongo-java-server keeps the databases it opened (their collections and indexes) in a private map; after a
     * rollback they may name collections or indexes the store no longer has, or miss some it has again, so they are
     * opened again from the store, as at start.
     */
    private void reopenDatabases() throws ReflectiveOperationException {
        Field field = AbstractMongoBackend.class.getDeclaredField("databases");
        field.setAccessible(true);
        ((Map<?, ?>) field.get(this)).clear();
        store.getMapNames().stream()
                .filter(name -> name.startsWith(BsonDocuments.DATA_MAP_PREFIX))
                .map(name -> Utils.firstFragment(name.substring(BsonDocuments.DATA_MAP_PREFIX.length())))
                .distinct()
                .forEach(this::resolveDatabase);
    }

    private void refuseEveryCommand(Throwable failure, Throwable rollbackFailure) {
        if (rollbackFailure != failure) {
            // H2 throws the exception that closed the store again on every later call
            failure.addSuppressed(rollbackFailure);
        }
        closedBy = failure;
        log.error(
                "the embedded store {} could not undo a failed write and refuses every command until the application"
                        + " is restarted",
                store.getFileStore() == null
                        ? "in memory"
                        : store.getFileStore().getFileName(),
                failure);
    }

    private void failIfClosed() {
        Throwable failure = closedBy;
        if (failure != null) {
            throw new MongoServerException(
                    "the embedded store failed to write to its file and is closed; restart the application (" + failure
                            + ")",
                    failure);
        }
    }

    /** Group commits since start, for tests. */
    long commits() {
        return commits;
    }

    /**
     * H2's figures about the store (its chunks, their fill rate, the page cache), for the storage benchmark; empty in
     * memory.
     */
    Map<String, String> statistics() {
        Map<String, String> figures = new TreeMap<>();
        long stamp = visibility.readLock();
        try {
            FileStore<?> file = store.getFileStore();
            if (file != null && !store.isClosed()) {
                file.populateInfo(figures::put);
                figures.put("fillRate", String.valueOf(file.getFillRate()));
                figures.put("chunksFillRate", String.valueOf(file.getChunksFillRate()));
                figures.put("fileSize", String.valueOf(file.size()));
                figures.put("cacheSizeUsedMB", String.valueOf(store.getCacheSizeUsed()));
                figures.put("commits", String.valueOf(commits));
                figures.put("compactionSteps", String.valueOf(compactionSteps));
                figures.put("compactionMs", String.valueOf(compactionNanos / 1_000_000));
                figures.put("compactionRewriteMs", String.valueOf(rewriteNanos / 1_000_000));
                figures.put("compactionMoveMs", String.valueOf(moveNanos / 1_000_000));
                figures.put(
                        "longestCompactionStepMs",
                        String.format(Locale.ROOT, "%.1f", longestCompactionStepNanos / 1e6));
            }
        } finally {
            visibility.unlockRead(stamp);
        }
        return figures;
    }

    /** Documents read to match a query, update or delete filter since start, for tests. */
    long documentsExamined() {
        LongAdder counter = examined;
        return counter == null ? 0 : counter.sum();
    }

    private static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
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
        if (compactor != null) {
            // not shutdownNow: an interrupt during a file operation would close H2's file channel; a step under way
            // ends before the writers lock below is granted
            compactor.shutdown();
        }
        writers.lock();
        try {
            Group group = open;
            if (group != null) {
                // the last writers left their commit to whoever came next: this close
                commit(group);
            }
            long stamp = visibility.writeLock();
            try {
                if (closedBy == null) {
                    super.close();
                } else {
                    // write nothing more to a store that failed
                    store.closeImmediately();
                }
            } finally {
                visibility.unlockWrite(stamp);
            }
        } finally {
            writers.unlock();
        }
    }

    /** The writes applied since the last commit: committed, or rolled back, together. */
    private static final class Group {

        /** The visibility lock's write stamp, held from the group's first write until it is resolved. */
        final long stamp;
        /** The store's version when the group began: what a rollback returns to. */
        final long version;
        /** Guarded by the writers lock. */
        int size;

        private boolean resolved;
        private @Nullable Failure failure;

        Group(long stamp, long version) {
            this.stamp = stamp;
            this.version = version;
        }

        synchronized void resolve(@Nullable Failure failure) {
            this.failure = failure;
            resolved = true;
            notifyAll();
        }

        /** Waits until the group is committed or rolled back; the failure that rolled it back, if any. */
        synchronized @Nullable Failure outcome() {
            boolean interrupted = false;
            while (!resolved) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return failure;
        }
    }

    /**
     * How the store compacts itself: a step {@code firstStepAfter} opening (not to delay the first reads), then every
     * {@code pause}, once the file has reached {@code minimumFileBytes} (smaller files are not worth the forces),
     * rewriting chunks while less than {@code chunksFillRate} percent of their bytes are live and moving chunks while
     * less than {@code fileFillRate} percent of the file is in chunks. A step finding a writer at work is postponed,
     * at most {@code postponements} times in a row.
     */
    record Compaction(
            Duration firstStepAfter,
            Duration pause,
            int postponements,
            long minimumFileBytes,
            int chunksFillRate,
            int rewriteBytes,
            int fileFillRate,
            int moveBytes) {

        static final Compaction DEFAULT = new Compaction(
                Duration.ofSeconds(5), Duration.ofMillis(50), 3, 16L * 1024 * 1024, 80, 512 * 1024, 85, 1024 * 1024);
    }

    /** Why a group was rolled back: its commit or force failed, or one of its commands failed unexpectedly. */
    private record Failure(Throwable cause, boolean inCommit) {}
}
