package org.newsroom.eventlog;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Appends commits to the log with gap-free global positions, one writer thread per JVM.
 * <p>
 * A commit is inserted at the position right after the end of the last commit this writer knows of; the unique
 * {@code _id} decides who owns a position. A writer only ever tries a position that follows a commit it has read or
 * written, so positions are never skipped and a position is taken only after every lower one is taken. Losing a
 * position to another instance means "read on and take the next"; losing the aggregate's sequence key means a
 * concurrent change to the same aggregate, which fails the commit. Commits waiting at the same time are inserted
 * together (ordered), so many concurrent commands share one round trip and one durable write.
 */
final class LogWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);
    private static final int MAX_GROUP = 256;

    private final MongoCollection<Document> events;
    private final ChainHeads chainHeads;
    private final RecentCommitEnds recentEnds;
    private final BlockingQueue<PendingCommit> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** The next free position as far as this writer knows; 0 until read from the log. */
    private long next;

    LogWriter(MongoCollection<Document> events, ChainHeads chainHeads, RecentCommitEnds recentEnds) {
        this.events = events;
        this.chainHeads = chainHeads;
        this.recentEnds = recentEnds;
        this.thread = new Thread(this::run, "event-log-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Hands a commit to the writer thread; the future completes once it is durably stored, or fails. */
    CompletableFuture<PendingCommit> submit(PendingCommit commit) {
        if (!running) {
            commit.result.completeExceptionally(new IllegalStateException("the event log is closed"));
        } else {
            queue.add(commit);
        }
        return commit.result;
    }

    /** The position after the last stored commit, as this writer knows it (0 when it has not looked yet). */
    long nextPosition() {
        return next;
    }

    private void run() {
        List<PendingCommit> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                PendingCommit first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                log.error("event log writer failed a group of {} commits", group.size(), e);
                group.forEach(commit -> commit.result.completeExceptionally(e));
                next = 0;
            } finally {
                group.clear();
            }
        }
        queue.forEach(commit -> commit.result.completeExceptionally(new IllegalStateException("event log closed")));
    }

    private void write(List<PendingCommit> group) {
        List<PendingCommit> todo = new ArrayList<>(group);
        while (!todo.isEmpty()) {
            if (next == 0) {
                next = findNextFreePosition();
            }
            List<Document> documents = assignPositions(todo);
            try {
                events.insertMany(documents, new InsertManyOptions().ordered(true));
                todo.forEach(this::stored);
                return;
            } catch (MongoBulkWriteException e) {
                todo = afterPartialWrite(todo, e);
            } catch (MongoException e) {
                todo = afterUnknownOutcome(todo, e);
            }
        }
    }

    private List<Document> assignPositions(List<PendingCommit> todo) {
        Map<String, PendingCommit> previousInGroup = new java.util.HashMap<>();
        List<Document> documents = new ArrayList<>(todo.size());
        long position = next;
        for (PendingCommit commit : todo) {
            PendingCommit previous = previousInGroup.get(commit.aggregateId);
            String previousHash = previous != null && previous.lastSequenceNumber() == commit.firstSequenceNumber - 1
                    ? previous.lastHash()
                    : commit.previousHash;
            documents.add(commit.toDocument(position, previousHash));
            previousInGroup.put(commit.aggregateId, commit);
            position += commit.events.size();
        }
        return documents;
    }

    private List<PendingCommit> afterPartialWrite(List<PendingCommit> todo, MongoBulkWriteException e) {
        BulkWriteError error = e.getWriteErrors().get(0);
        int failedIndex = error.getIndex();
        todo.subList(0, failedIndex).forEach(this::stored);
        PendingCommit failed = todo.get(failedIndex);
        List<PendingCommit> rest = new ArrayList<>(todo.subList(failedIndex + 1, todo.size()));
        next = failed.position;
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
            failed.result.completeExceptionally(new LogWriteException(error.getMessage(), e));
            return rest;
        }
        Document owner = events.find(eq(EventFields.ID, failed.position)).first();
        if (owner == null) {
            // the position is free, so the aggregate's sequence key was taken: a concurrent change
            chainHeads.forget(failed.aggregateId);
            failed.result.completeExceptionally(new SequenceTakenException(failed.aggregateId, failed.firstSequenceNumber));
        } else if (failed.commitId.equals(owner.getString(EventFields.COMMIT_ID))) {
            stored(failed);
        } else {
            next = chase(failed.position);
            rest.add(0, failed);
        }
        return rest;
    }

    /** The write may or may not have happened (a network error, a timeout): find out per commit, where we can. */
    private List<PendingCommit> afterUnknownOutcome(List<PendingCommit> todo, MongoException e) {
        log.warn("event log write of {} commits failed: {}", todo.size(), e.toString());
        try {
            Map<Long, Document> owners = events.find(in(EventFields.ID, todo.stream().map(c -> c.position).toList()))
                    .into(new ArrayList<>()).stream()
                    .collect(Collectors.toMap(d -> d.get(EventFields.ID, Number.class).longValue(), Function.identity()));
            for (PendingCommit commit : todo) {
                Document owner = owners.get(commit.position);
                if (owner != null && commit.commitId.equals(owner.getString(EventFields.COMMIT_ID))) {
                    stored(commit);
                } else {
                    commit.result.completeExceptionally(new LogWriteException("event log unavailable", e));
                }
            }
        } catch (MongoException again) {
            todo.forEach(commit -> commit.result.completeExceptionally(new LogWriteException("event log unavailable", e)));
        }
        next = 0;
        return List.of();
    }

    private void stored(PendingCommit commit) {
        next = Math.max(next, commit.position + commit.events.size());
        chainHeads.remember(commit.aggregateId, commit.lastSequenceNumber(), commit.lastHash());
        recentEnds.add(commit.position + commit.events.size() - 1);
        commit.result.complete(commit);
    }

    /** Reads on from a position someone else took until the first free one. */
    private long chase(long from) {
        return LogHead.readOn(events, from);
    }

    private long findNextFreePosition() {
        return LogHead.nextFreePosition(events, 1);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A commit on its way into the log. Positions and hashes are assigned by the writer, per attempt. */
    static final class PendingCommit {

        final String commitId = UUID.randomUUID().toString();
        final String aggregateType;
        final String aggregateId;
        final long firstSequenceNumber;
        final List<Document> events;
        final List<byte[]> canonicalEvents;
        final String previousHash;
        final CompletableFuture<PendingCommit> result = new CompletableFuture<>();
        long position;
        private List<String> hashes = List.of();

        PendingCommit(String aggregateType, String aggregateId, long firstSequenceNumber, List<Document> events,
                      String previousHash) {
            this.aggregateType = aggregateType;
            this.aggregateId = aggregateId;
            this.firstSequenceNumber = firstSequenceNumber;
            this.events = events;
            this.previousHash = previousHash;
            this.canonicalEvents = events.stream()
                    .map(event -> HashChain.canonical(aggregateType, aggregateId, event))
                    .toList();
        }

        Document toDocument(long firstPosition, String chainedFrom) {
            this.position = firstPosition;
            List<String> computed = new ArrayList<>(events.size());
            List<Document> positioned = new ArrayList<>(events.size());
            String previous = chainedFrom;
            for (int i = 0; i < events.size(); i++) {
                long eventPosition = firstPosition + i;
                String hash = HashChain.hash(previous, eventPosition, canonicalEvents.get(i));
                Document event = new Document(EventFields.POSITION, eventPosition);
                event.putAll(events.get(i));
                event.put(EventFields.HASH, hash);
                positioned.add(event);
                computed.add(hash);
                previous = hash;
            }
            this.hashes = computed;
            return new Document(EventFields.ID, firstPosition)
                    .append(EventFields.COMMIT_ID, commitId)
                    .append(EventFields.AGGREGATE_TYPE, aggregateType)
                    .append(EventFields.AGGREGATE_ID, aggregateId)
                    .append(EventFields.SEQ_KEY, EventFields.seqKey(aggregateId, firstSequenceNumber))
                    .append(EventFields.EVENTS, positioned);
        }

        long lastSequenceNumber() {
            return firstSequenceNumber + events.size() - 1;
        }

        long lastPosition() {
            return position + events.size() - 1;
        }

        String lastHash() {
            return hashes.get(hashes.size() - 1);
        }
    }

    /** The aggregate already has an event at this sequence number: someone else changed it first. */
    static final class SequenceTakenException extends RuntimeException {
        SequenceTakenException(String aggregateId, long sequenceNumber) {
            super("aggregate " + aggregateId + " already has an event at sequence number " + sequenceNumber);
        }
    }

    static final class LogWriteException extends RuntimeException {
        LogWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
