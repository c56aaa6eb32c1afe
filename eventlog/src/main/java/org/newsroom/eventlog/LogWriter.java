package org.newsroom.eventlog;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Appends commits to the log with gap-free global positions, one write at a time per JVM.
 * <p>
 * A commit is inserted at the position right after the end of the last commit this writer knows of; the unique
 * {@code _id} decides who owns a position. A writer only ever tries a position that follows a commit it has read or
 * written, so positions are never skipped and a position is taken only after every lower one is taken. Losing a
 * position to another instance means "read on and take the next"; losing the aggregate's sequence key means a
 * concurrent change to the same aggregate, which fails the commit. Commits waiting at the same time are inserted
 * together (ordered), so many concurrent commands share one round trip and one durable write.
 * <p>
 * On a replica set, what the writer reads to decide (who owns a position, where the log ends, whether a write whose
 * answer was lost was applied) it reads from the primary with read concern {@code local}: the unique indexes that
 * decide are the primary's, and a commit another instance just inserted may not be in the majority snapshot yet.
 * Which unique index a duplicate key hit is read from the error itself. A write the primary applied but whose write
 * concern it could not confirm in time (a {@code writeConcernError}, {@code wtimeout}) is read back by {@code _id} and
 * {@code commitId}, and counts as stored when the primary holds it.
 * <p>
 * There is no writer thread: an appending thread that finds no write in progress writes every commit waiting at that
 * moment, its own included; the others wait until that write is over and find their commit written, or one of them
 * writes the next group. A lone writer thus pays no hand-over to another thread and back, and concurrent ones still
 * share their writes.
 */
final class LogWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LogWriter.class);
    private static final int MAX_GROUP = 256;
    /** How often a commit may lose its position to a commit the writer then cannot read, before it gives up. */
    private static final int MAX_UNREADABLE_OWNERS = 20;
    /** The index of a duplicate key error: {@code … index: <name> dup key: …}, or {@code … index: db.coll.$<name> …}. */
    private static final Pattern DUPLICATE_INDEX = Pattern.compile("index: (?:\\S*\\$)?(\\S+) dup key");

    private static final String ID_INDEX = "_id_";

    private final MongoCollection<Document> events;
    /** The log as the primary holds it, for the writer's own decisions. */
    private final MongoCollection<Document> primary;

    private final ChainHeads chainHeads;
    private final RecentCommitEnds recentEnds;
    private final Queue<PendingCommit> queue = new ConcurrentLinkedQueue<>();
    /** Guards {@link #writing}; appenders wait on it while another thread writes. */
    private final Object turn = new Object();

    private boolean writing;
    private volatile boolean running = true;
    /** The next free position as far as this writer knows; 0 until read from the log. Written by the writing thread. */
    private volatile long next;

    LogWriter(MongoCollection<Document> events, ChainHeads chainHeads, RecentCommitEnds recentEnds) {
        this.events = events;
        this.primary = onPrimary(events);
        this.chainHeads = chainHeads;
        this.recentEnds = recentEnds;
    }

    /** The log read from the primary with read concern {@code local}: what the primary's unique indexes hold. */
    static MongoCollection<Document> onPrimary(MongoCollection<Document> events) {
        return events.withReadPreference(ReadPreference.primary()).withReadConcern(ReadConcern.LOCAL);
    }

    /** Writes a commit, alone or with others waiting; the future is complete once it is durably stored, or failed. */
    CompletableFuture<PendingCommit> submit(PendingCommit commit) {
        if (!running) {
            commit.result.completeExceptionally(new IllegalStateException("the event log is closed"));
            return commit.result;
        }
        queue.add(commit);
        boolean interrupted = false;
        while (!commit.result.isDone()) {
            synchronized (turn) {
                while (writing && !commit.result.isDone()) {
                    try {
                        turn.wait();
                    } catch (InterruptedException e) {
                        // the commit is queued and will be written: wait for its outcome, then pass the interrupt on
                        interrupted = true;
                    }
                }
                if (commit.result.isDone()) {
                    break;
                }
                writing = true;
            }
            try {
                if (running) {
                    writeWaiting();
                } else {
                    failWaiting();
                }
            } finally {
                synchronized (turn) {
                    writing = false;
                    turn.notifyAll();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return commit.result;
    }

    /** Writes up to {@value #MAX_GROUP} waiting commits as one ordered insert; called by the writing thread only. */
    private void writeWaiting() {
        List<PendingCommit> group = new ArrayList<>();
        for (PendingCommit waiting = queue.poll();
                waiting != null;
                waiting = group.size() < MAX_GROUP ? queue.poll() : null) {
            group.add(waiting);
        }
        if (group.isEmpty()) {
            return;
        }
        // an interrupt of the thread that happens to write must not fail the other commits of its group
        boolean interrupted = Thread.interrupted();
        try {
            write(group);
        } catch (RuntimeException e) {
            log.error("event log writer failed a group of {} commits", group.size(), e);
            group.forEach(commit -> commit.result.completeExceptionally(e));
            next = 0;
        } finally {
            group.stream()
                    .filter(commit -> !commit.result.isDone())
                    .forEach(commit -> commit.result.completeExceptionally(
                            new LogWriteException("the write of this commit did not finish", null)));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void failWaiting() {
        for (PendingCommit waiting = queue.poll(); waiting != null; waiting = queue.poll()) {
            waiting.result.completeExceptionally(new IllegalStateException("event log closed"));
        }
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
                todo = e.getWriteErrors().isEmpty() ? afterWriteConcernError(todo, e) : afterPartialWrite(todo, e);
            } catch (MongoException e) {
                log.warn("event log write of {} commits failed: {}", todo.size(), e.toString());
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

    /**
     * Every commit was applied, but the primary could not confirm the write concern in time (typically {@code wtimeout}
     * while a secondary lags). Each commit the primary holds, read back by position and commit id, is stored: it is
     * there, and will be replicated; retrying it could only collide with itself. One it does not hold is of unknown
     * outcome.
     */
    private List<PendingCommit> afterWriteConcernError(List<PendingCommit> todo, MongoBulkWriteException e) {
        log.warn(
                "event log write of {} commits was applied but not confirmed: {}; reading it back from the primary",
                todo.size(),
                e.getWriteConcernError());
        return afterUnknownOutcome(todo, e);
    }

    private List<PendingCommit> afterPartialWrite(List<PendingCommit> todo, MongoBulkWriteException e) {
        BulkWriteError error = e.getWriteErrors().stream()
                .min(Comparator.comparingInt(BulkWriteError::getIndex))
                .orElseThrow();
        if (e.getWriteConcernError() != null) {
            log.warn("event log write before index {} applied but not confirmed: {}", error.getIndex(), e);
        }
        int failedIndex = error.getIndex();
        todo.subList(0, failedIndex).forEach(this::stored);
        PendingCommit failed = todo.get(failedIndex);
        List<PendingCommit> rest = new ArrayList<>(todo.subList(failedIndex + 1, todo.size()));
        next = failed.position;
        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
            failed.result.completeExceptionally(new LogWriteException(error.getMessage(), e));
            return rest;
        }
        Document owner = primary.find(eq(EventFields.ID, failed.position)).first();
        if (owner != null && failed.commitId.equals(owner.getString(EventFields.COMMIT_ID))) {
            // a write that was applied although its first answer was lost, then retried: the rest may be there too
            stored(failed);
            return storedOfRest(rest);
        }
        String index = duplicateIndex(error.getMessage());
        if (ID_INDEX.equals(index) || (index == null && owner != null)) {
            // another instance took the position: read on and take the next free one
            if (owner == null && ++failed.unreadableOwners > MAX_UNREADABLE_OWNERS) {
                failed.result.completeExceptionally(new LogWriteException(
                        "position " + failed.position + " is taken, but its commit cannot be read", e));
                return rest;
            }
            next = chase(failed.position);
            rest.add(0, failed);
        } else if (EventFields.IDEMPOTENT_REQUEST.equals(index)
                || (index == null
                        && failed.idempotentRequest != null
                        && error.getMessage().contains(EventFields.IDEMPOTENT_REQUEST))) {
            failed.result.completeExceptionally(new RequestTakenException(failed.idempotentRequest));
        } else {
            // the aggregate's sequence key was taken: a concurrent change
            chainHeads.forget(failed.aggregateId);
            failed.result.completeExceptionally(
                    new SequenceTakenException(failed.aggregateId, failed.firstSequenceNumber));
        }
        return rest;
    }

    /** The name of the unique index a duplicate key error names, if its message has the server's usual form. */
    static @Nullable String duplicateIndex(@Nullable String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = DUPLICATE_INDEX.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Those of the following commits found stored (each at its position, with its commit id); the others to write. */
    private List<PendingCommit> storedOfRest(List<PendingCommit> rest) {
        if (rest.isEmpty()) {
            return rest;
        }
        Map<Long, Document> owners = readBack(rest);
        int firstMissing = 0;
        while (firstMissing < rest.size() && isOwnedBy(rest.get(firstMissing), owners)) {
            stored(rest.get(firstMissing++));
        }
        return new ArrayList<>(rest.subList(firstMissing, rest.size()));
    }

    private static boolean isOwnedBy(PendingCommit commit, Map<Long, Document> owners) {
        Document owner = owners.get(commit.position);
        return owner != null && commit.commitId.equals(owner.getString(EventFields.COMMIT_ID));
    }

    private Map<Long, Document> readBack(List<PendingCommit> commits) {
        return primary
                .find(in(EventFields.ID, commits.stream().map(c -> c.position).toList()))
                .into(new ArrayList<>())
                .stream()
                .collect(Collectors.toMap(
                        d -> d.get(EventFields.ID, Number.class).longValue(), Function.identity()));
    }

    /**
     * The write failed. If it never left this process (no server could be selected, no connection opened), nothing
     * was stored. Otherwise it may or may not have happened (the connection broke or went silent, the primary stepped
     * down): what the primary holds is read back per commit; a commit found is stored, one not found is of unknown
     * outcome, since a write sent on a connection given up on can still reach the database later.
     */
    private List<PendingCommit> afterUnknownOutcome(List<PendingCommit> todo, MongoException e) {
        boolean neverSent = (e instanceof MongoTimeoutException && !(e instanceof MongoOperationTimeoutException))
                || e instanceof MongoSocketOpenException;
        try {
            Map<Long, Document> owners = readBack(todo);
            for (PendingCommit commit : todo) {
                if (isOwnedBy(commit, owners)) {
                    stored(commit);
                } else {
                    commit.result.completeExceptionally(failure(neverSent, e));
                }
            }
        } catch (MongoException again) {
            todo.forEach(commit -> commit.result.completeExceptionally(failure(neverSent, e)));
        }
        next = 0;
        return List.of();
    }

    private static RuntimeException failure(boolean neverSent, MongoException e) {
        return neverSent
                ? new LogWriteException("event log unavailable", e)
                : new OutcomeUnknownException(
                        "event log unavailable while a write was on its way; it may or may not" + " be stored", e);
    }

    private void stored(PendingCommit commit) {
        next = Math.max(next, commit.position + commit.events.size());
        chainHeads.remember(commit.aggregateId, commit.lastSequenceNumber(), commit.lastHash());
        recentEnds.add(commit.position + commit.events.size() - 1);
        commit.result.complete(commit);
    }

    /** Reads on from a position someone else took until the first free one. */
    private long chase(long from) {
        return LogHead.readOn(primary, from);
    }

    private long findNextFreePosition() {
        return LogHead.nextFreePosition(primary, 1);
    }

    @Override
    public void close() {
        running = false;
        synchronized (turn) {
            while (writing) {
                try {
                    turn.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            failWaiting();
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
        final String idempotentRequest;
        final CompletableFuture<PendingCommit> result = new CompletableFuture<>();
        long position;
        int unreadableOwners;
        private List<String> hashes = List.of();

        PendingCommit(
                String aggregateType,
                String aggregateId,
                long firstSequenceNumber,
                List<Document> events,
                String previousHash,
                String idempotentRequest) {
            this.idempotentRequest = idempotentRequest;
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
            Document commit = new Document(EventFields.ID, firstPosition)
                    .append(EventFields.COMMIT_ID, commitId)
                    .append(EventFields.AGGREGATE_TYPE, aggregateType)
                    .append(EventFields.AGGREGATE_ID, aggregateId)
                    .append(EventFields.SEQ_KEY, EventFields.seqKey(aggregateId, firstSequenceNumber));
            if (idempotentRequest != null) {
                commit.append(EventFields.IDEMPOTENT_REQUEST, idempotentRequest);
            }
            return commit.append(EventFields.EVENTS, positioned);
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

    /** The log already holds a commit of this idempotent request: another execution of it recorded first. */
    static final class RequestTakenException extends RuntimeException {
        RequestTakenException(String idempotentRequest) {
            super("the event log already holds a commit of idempotent request " + idempotentRequest);
        }
    }

    static class LogWriteException extends RuntimeException {
        LogWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The write was sent, its answer never came, and the log could not tell whether it holds it. */
    static final class OutcomeUnknownException extends LogWriteException {
        OutcomeUnknownException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
