package org.newsroom.eventlog;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Axon's event storage on the MongoDB driver, with a gap-free global position.
 * <p>
 * One document per commit ({@link EventFields}), so a command's events are stored together or not at all. Every read
 * is a lookup of exact keys: a tracking reader asks for positions {@code n+1 … n+k} by {@code _id}, an aggregate's
 * events are asked for by {@code seqKey}. Reading stops at the first missing position, so a reader never passes a
 * position that is not yet visible; since positions are taken in order ({@link LogWriter}) nothing is ever skipped.
 * Tracking tokens are plain {@link GlobalSequenceTrackingToken global positions}.
 * <p>
 * A position missing for good (a restore that missed a commit, a manual delete) would stop every reader there: the
 * tracking reads report it ({@link LogHoles}) once it has been missing for the hole timeout while a later position
 * is taken, and an operator fills it with a gap commit ({@link #fillHole}).
 */
public class EventLogStorageEngine extends BatchingEventStorageEngine implements AutoCloseable {

    /** Unit-of-work resource under which an append leaves the global position of its last event. */
    public static final String LAST_POSITION = EventLogStorageEngine.class.getName() + ".lastPosition";
    /**
     * Metadata entry naming the idempotent request an event was recorded for; stored on the commit as well, under a
     * unique index, so the log records a request at most once and can be asked what it recorded for it.
     */
    public static final String IDEMPOTENT_REQUEST = EventFields.IDEMPOTENT_REQUEST;

    /** The aggregate type of gap commits ({@link #fillHole}); their aggregates are {@code log-gap-<position>}. */
    public static final String GAP_AGGREGATE_TYPE = "LogGap";

    private static final Logger log = LoggerFactory.getLogger(EventLogStorageEngine.class);
    private static final String EVENTS_COLLECTION = "events";
    /** The most positions one gap commit fills, and the furthest {@link #fillHole} looks for the end of a hole. */
    private static final int MAX_GAP = 10_000;

    private static final int LOOKBACK_WINDOW = 16;
    private static final int FIRST_AGGREGATE_WINDOW = 8;
    private static final int EXPORT_WINDOW = 256;
    private static final int MISSING_SCAN_WINDOW = 1_024;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final ChainHeads chainHeads = new ChainHeads(10_000);
    private final RecentCommitEnds recentEnds = new RecentCommitEnds(4_096);
    private final LogWriter writer;
    private final LogHoles holes;
    private final Clock clock;
    private final AtomicLong domainEventsRead = new AtomicLong();
    private final AtomicLong highestPositionSeen = new AtomicLong();

    protected EventLogStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(EVENTS_COLLECTION);
        this.snapshots = builder.database.getCollection(builder.snapshotsCollection);
        ensureIndexes();
        this.writer = new LogWriter(events, chainHeads, recentEnds);
        this.clock = builder.clock;
        this.holes = new LogHoles(builder.clock, builder.holeTimeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    private void ensureIndexes() {
        events.createIndex(
                Indexes.ascending(EventFields.SEQ_KEY),
                new IndexOptions().unique(true).name("seqKey"));
        events.createIndex(
                Indexes.ascending(EventFields.IDEMPOTENT_REQUEST),
                new IndexOptions().unique(true).sparse(true).name(EventFields.IDEMPOTENT_REQUEST));
    }

    // ---- appending ----

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        DomainEventMessage<?> first = asDomainEvent(messages.get(0));
        List<Document> documents = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            DomainEventMessage<?> message = asDomainEvent(messages.get(i));
            if (!message.getAggregateIdentifier().equals(first.getAggregateIdentifier())
                    || message.getSequenceNumber() != first.getSequenceNumber() + i) {
                throw new EventStoreException("a commit holds consecutive events of one aggregate; got "
                        + message.getAggregateIdentifier() + "#" + message.getSequenceNumber() + " after "
                        + first.getAggregateIdentifier() + "#" + first.getSequenceNumber());
            }
            documents.add(toDocument(message, serializer));
        }
        Object request = first.getMetaData().get(IDEMPOTENT_REQUEST);
        LogWriter.PendingCommit commit = new LogWriter.PendingCommit(
                first.getType(),
                first.getAggregateIdentifier(),
                first.getSequenceNumber(),
                documents,
                previousHash(first.getAggregateIdentifier(), first.getSequenceNumber()),
                request == null ? null : request.toString());
        try {
            writer.submit(commit).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while appending to the event log", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), first);
        }
        highestPositionSeen.accumulateAndGet(commit.lastPosition(), Math::max);
        CurrentUnitOfWork.ifStarted(uow -> uow.root().resources().put(LAST_POSITION, commit.lastPosition()));
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
            return domainEvent;
        }
        throw new EventStoreException("the event log stores aggregate events only, not " + message.getPayloadType());
    }

    private Document toDocument(DomainEventMessage<?> message, Serializer serializer) {
        SerializedObject<JsonNode> payload = message.serializePayload(serializer, JsonNode.class);
        SerializedObject<JsonNode> metaData = message.serializeMetaData(serializer, JsonNode.class);
        return new Document(EventFields.SEQ, message.getSequenceNumber())
                .append(EventFields.EVENT_ID, message.getIdentifier())
                .append(EventFields.PAYLOAD_TYPE, payload.getType().getName())
                .append(EventFields.REVISION, payload.getType().getRevision())
                .append(EventFields.TIMESTAMP, Date.from(message.getTimestamp()))
                .append(EventFields.PAYLOAD, BsonJson.toBson(payload.getData()))
                .append(EventFields.META_DATA, BsonJson.toBson(metaData.getData()));
    }

    private String previousHash(String aggregateId, long firstSequenceNumber) {
        if (firstSequenceNumber == 0) {
            return HashChain.GENESIS;
        }
        String known = chainHeads.hashAt(aggregateId, firstSequenceNumber - 1);
        if (known != null) {
            return known;
        }
        return commitContaining(aggregateId, firstSequenceNumber - 1)
                .map(commit -> commit.event((int) (firstSequenceNumber - 1 - commit.firstSequenceNumber()))
                        .hash())
                .orElseThrow(() -> new EventStoreException("aggregate " + aggregateId + " has no event at sequence "
                        + (firstSequenceNumber - 1) + "; cannot append at " + firstSequenceNumber));
    }

    private static RuntimeException translate(Throwable failure, DomainEventMessage<?> first) {
        if (failure instanceof LogWriter.RequestTakenException taken) {
            return new RequestAlreadyRecorded(taken.getMessage(), failure);
        }
        if (failure instanceof LogWriter.OutcomeUnknownException unknown) {
            return new AppendOutcomeUnknown("could not append to the event log: " + unknown.getMessage(), failure);
        }
        if (failure instanceof LogWriter.SequenceTakenException) {
            return first.getSequenceNumber() == 0
                    ? new AggregateStreamCreationException(
                            "an aggregate with identifier " + first.getAggregateIdentifier() + " already exists",
                            failure)
                    : new ConcurrencyException(failure.getMessage(), failure);
        }
        return new EventStoreException("could not append to the event log: " + failure.getMessage(), failure);
    }

    // ---- tracking reads ----

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        long after = positionOf(lastToken);
        long start = after + 1;
        Map<Long, StoredCommit> window = commitsByPosition(events, start, Math.max(batchSize, 1));
        if (!window.containsKey(start) && !recentEnds.contains(after)) {
            commitStraddling(events, start).ifPresent(commit -> window.put(commit.firstPosition(), commit));
        }
        List<StoredEvent> result = new ArrayList<>();
        long expected = start;
        boolean laterTaken = false;
        for (StoredCommit commit : window.values()) {
            if (commit.firstPosition() > expected) {
                laterTaken = true;
                break;
            }
            if (commit.lastPosition() < expected) {
                continue;
            }
            for (int i = (int) (expected - commit.firstPosition());
                    i < commit.events().size();
                    i++) {
                result.add(commit.event(i));
            }
            expected = commit.lastPosition() + 1;
            recentEnds.add(commit.lastPosition());
        }
        if (!result.isEmpty()) {
            holes.readUpTo(expected - 1);
            highestPositionSeen.accumulateAndGet(expected - 1, Math::max);
        }
        if (laterTaken) {
            holes.missing(expected);
        } else if (result.isEmpty()
                && holes.probeDue(start)
                && !commitsByPosition(events, start + 1, LogHead.WINDOW).isEmpty()) {
            holes.missing(start);
        }
        return result;
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return token.position().orElseThrow(() -> new IllegalArgumentException("unsupported tracking token " + token));
    }

    /** Commits whose first position lies in {@code [start, start + count)}, in position order. */
    private static TreeMap<Long, StoredCommit> commitsByPosition(
            MongoCollection<Document> events, long start, int count) {
        List<Long> ids = LongStream.range(start, start + count).boxed().toList();
        return events.find(in(EventFields.ID, ids)).map(StoredCommit::from).into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(StoredCommit::firstPosition, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** The commit that starts before {@code position} and contains it, if any: the nearest commit below decides. */
    private static Optional<StoredCommit> commitStraddling(MongoCollection<Document> events, long position) {
        return nearestBelow(events, position).filter(nearest -> nearest.containsPosition(position));
    }

    /** The commit that starts nearest below {@code position}, if any. */
    private static Optional<StoredCommit> nearestBelow(MongoCollection<Document> events, long position) {
        for (long end = position - 1; end >= 1; end -= LOOKBACK_WINDOW) {
            long from = Math.max(1, end - LOOKBACK_WINDOW + 1);
            TreeMap<Long, StoredCommit> below = commitsByPosition(events, from, (int) (end - from + 1));
            if (!below.isEmpty()) {
                return Optional.of(below.lastEntry().getValue());
            }
        }
        return Optional.empty();
    }

    // ---- aggregate reads ----

    /**
     * The aggregate's events from {@code firstSequenceNumber}, a window of exact {@code seqKey}s at a time. Windows
     * start small and double, because most loads read a handful of events after a snapshot and a lookup of many keys
     * costs more than a few lookups of few; when this instance knows the aggregate's last sequence number, the first
     * window covers exactly up to it (and one past it, in case another instance appended since).
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(
            String aggregateId, long firstSequenceNumber, int batchSize) {
        List<StoredEvent> result = new ArrayList<>();
        long expected = firstSequenceNumber;
        long knownLast = chainHeads.lastSequenceNumber(aggregateId);
        int window = knownLast >= firstSequenceNumber
                ? (int) Math.min(batchSize, knownLast - firstSequenceNumber + 2)
                : Math.min(batchSize, FIRST_AGGREGATE_WINDOW);
        while (result.size() < batchSize) {
            TreeMap<Long, StoredCommit> commits = commitsBySequence(aggregateId, expected, window);
            if (!commits.containsKey(expected) && expected == firstSequenceNumber && expected > 0) {
                commitContaining(aggregateId, expected)
                        .ifPresent(commit -> commits.put(commit.firstSequenceNumber(), commit));
            }
            long windowEnd = expected + window;
            boolean gap = false;
            for (StoredCommit commit : commits.values()) {
                if (commit.firstSequenceNumber() > expected) {
                    gap = true;
                    break;
                }
                if (commit.lastSequenceNumber() < expected) {
                    continue;
                }
                for (int i = (int) (expected - commit.firstSequenceNumber());
                        i < commit.events().size();
                        i++) {
                    result.add(commit.event(i));
                }
                expected = commit.lastSequenceNumber() + 1;
            }
            if (gap || expected < windowEnd) {
                break;
            }
            window = Math.min(batchSize, window * 2);
        }
        if (!result.isEmpty()) {
            StoredEvent last = result.get(result.size() - 1);
            chainHeads.remember(aggregateId, last.sequenceNumber(), last.hash());
        }
        domainEventsRead.addAndGet(result.size());
        return result;
    }

    private TreeMap<Long, StoredCommit> commitsBySequence(String aggregateId, long firstSequenceNumber, int count) {
        List<String> keys = LongStream.range(firstSequenceNumber, firstSequenceNumber + count)
                .mapToObj(seq -> EventFields.seqKey(aggregateId, seq))
                .toList();
        return events.find(in(EventFields.SEQ_KEY, keys)).map(StoredCommit::from).into(new ArrayList<>()).stream()
                .collect(Collectors.toMap(
                        StoredCommit::firstSequenceNumber, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    /** The commit of this aggregate holding the event at {@code sequenceNumber}: the nearest commit at or below. */
    private Optional<StoredCommit> commitContaining(String aggregateId, long sequenceNumber) {
        for (long end = sequenceNumber; end >= 0; end -= LOOKBACK_WINDOW) {
            long from = Math.max(0, end - LOOKBACK_WINDOW + 1);
            TreeMap<Long, StoredCommit> below = commitsBySequence(aggregateId, from, (int) (end - from + 1));
            if (!below.isEmpty()) {
                StoredCommit nearest = below.lastEntry().getValue();
                return nearest.lastSequenceNumber() >= sequenceNumber ? Optional.of(nearest) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateId) {
        Long last = null;
        long probe = 0;
        while (true) {
            TreeMap<Long, StoredCommit> window = commitsBySequence(aggregateId, probe, 128);
            if (window.isEmpty()) {
                return Optional.ofNullable(last);
            }
            long expected = probe;
            for (StoredCommit commit : window.values()) {
                if (commit.firstSequenceNumber() != expected) {
                    return Optional.of(expected - 1);
                }
                expected = commit.lastSequenceNumber() + 1;
            }
            last = expected - 1;
            probe = expected;
        }
    }

    // ---- snapshots ----

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = toDocument(snapshot, serializer)
                .append(EventFields.ID, snapshot.getAggregateIdentifier())
                .append(EventFields.AGGREGATE_TYPE, snapshot.getType());
        try {
            // replace an older snapshot or one of another shape; a newer one of this shape already stored wins (the
            // upsert then collides on _id)
            snapshots.replaceOne(
                    Filters.and(
                            eq(EventFields.ID, snapshot.getAggregateIdentifier()),
                            replaceable(snapshot.getSequenceNumber(), document.getString(EventFields.REVISION))),
                    document,
                    new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** A stored snapshot may be replaced by one of a later sequence number, or by one of another shape. */
    private static Bson replaceable(long sequenceNumber, String shape) {
        return Filters.or(Filters.lt(EventFields.SEQ, sequenceNumber), Filters.ne(EventFields.REVISION, shape));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateId) {
        Document snapshot = snapshots.find(eq(EventFields.ID, aggregateId)).first();
        if (snapshot == null || !fitsItsClass(aggregateId, snapshot)) {
            return Stream.empty();
        }
        snapshot.put(EventFields.POSITION, 0L);
        return Stream.of(StoredEvent.from(snapshot.getString(EventFields.AGGREGATE_TYPE), aggregateId, snapshot));
    }

    /**
     * Whether a stored snapshot was written with the current {@link SnapshotShape shape} of its class and holds every
     * field of it. One that does not is ignored: the aggregate is loaded from its events, and its next snapshot
     * replaces this one. A snapshot written before shapes existed has none, and is ignored too.
     */
    private boolean fitsItsClass(String aggregateId, Document snapshot) {
        String payloadType = snapshot.getString(EventFields.PAYLOAD_TYPE);
        Class<?> type = getSnapshotSerializer().classForType(new SimpleSerializedType(payloadType, null));
        if (UnknownSerializedType.class.equals(type)) {
            log.warn("The snapshot of {} is of unknown type {}; loading it from its events", aggregateId, payloadType);
            return false;
        }
        String shape = SnapshotShape.of(type);
        String stored = snapshot.getString(EventFields.REVISION);
        if (!shape.equals(stored)) {
            log.debug(
                    "The snapshot of {} has shape {}, {} now has {}; loading it from its events",
                    aggregateId,
                    stored,
                    type.getSimpleName(),
                    shape);
            return false;
        }
        Document payload = snapshot.get(EventFields.PAYLOAD, Document.class);
        List<String> missing = SnapshotShape.persistedFieldNames(type).stream()
                .filter(field -> payload == null || !payload.containsKey(field))
                .toList();
        if (!missing.isEmpty()) {
            log.warn("The snapshot of {} lacks fields {}; loading it from its events", aggregateId, missing);
            discardSnapshot(
                    aggregateId, snapshot.get(EventFields.SEQ, Number.class).longValue());
            return false;
        }
        return true;
    }

    /**
     * Removes a snapshot of the current shape that cannot be used, so that the next snapshot of the same sequence
     * number can take its place (a snapshot of another shape is replaced anyway). It is only a cache of the events.
     */
    private void discardSnapshot(String aggregateId, long sequenceNumber) {
        snapshots.deleteOne(Filters.and(eq(EventFields.ID, aggregateId), eq(EventFields.SEQ, sequenceNumber)));
    }

    /**
     * The snapshot, deserialized here rather than when the aggregate is built from it: a snapshot that does not
     * deserialize (a field its class does not know, a value it cannot hold) is then ignored, and the aggregate loaded
     * from its events, instead of failing the command that loads it.
     */
    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        Optional<DomainEventMessage<?>> snapshot = super.readSnapshot(aggregateIdentifier);
        try {
            snapshot.ifPresent(DomainEventMessage::getPayload);
            return snapshot;
        } catch (RuntimeException unreadable) {
            Throwable why = unreadable.getCause() == null ? unreadable : unreadable.getCause();
            log.warn(
                    "The snapshot of {} cannot be read ({}); loading it from its events",
                    aggregateIdentifier,
                    String.valueOf(why.getMessage()).lines().findFirst().orElse(""));
            discardSnapshot(aggregateIdentifier, snapshot.get().getSequenceNumber());
            return Optional.empty();
        }
    }

    // ---- tokens and positions ----

    @Override
    public TrackingToken createTailToken() {
        return new GlobalSequenceTrackingToken(0);
    }

    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(headPosition());
    }

    /** The global position of the last stored event (0 for an empty log), read from the database ({@link LogHead}). */
    public long headPosition() {
        long head = LogHead.nextFreePosition(events, 1) - 1;
        highestPositionSeen.accumulateAndGet(head, Math::max);
        return head;
    }

    /** The highest position this instance has written or read, without asking the database. */
    public long knownHeadPosition() {
        return highestPositionSeen.get();
    }

    /** How many aggregate events have been read to load aggregates, since start. */
    public long domainEventsRead() {
        return domainEventsRead.get();
    }

    /**
     * The commit recorded for an idempotent request (see {@link #IDEMPOTENT_REQUEST}), if the log holds one: a lookup
     * by unique index, on the primary with read concern {@code local}, since the answer decides whether the request
     * executes again, and the unique index that would refuse a second recording is the primary's.
     */
    public Optional<RecordedRequest> recordedRequest(String idempotentRequest) {
        Document document = LogWriter.onPrimary(events)
                .find(eq(EventFields.IDEMPOTENT_REQUEST, idempotentRequest))
                .first();
        if (document == null) {
            return Optional.empty();
        }
        StoredCommit commit = StoredCommit.from(document);
        Document last = commit.events().get(commit.events().size() - 1);
        return Optional.of(new RecordedRequest(
                commit.aggregateId(),
                commit.lastSequenceNumber(),
                commit.lastPosition(),
                last.get(EventFields.PAYLOAD, Document.class)));
    }

    /**
     * What an idempotent request recorded: the aggregate, its last sequence number and global position, and the
     * payload of its last event, as stored.
     */
    public record RecordedRequest(
            String aggregateId, long lastSequenceNumber, long lastPosition, Document lastPayload) {}

    /** The stored events of one aggregate, in order, with their positions and hashes: for auditors. */
    public List<StoredEventView> storedEvents(String aggregateId) {
        List<StoredEventView> result = new ArrayList<>();
        long next = 0;
        while (true) {
            TreeMap<Long, StoredCommit> window = commitsBySequence(aggregateId, next, 128);
            boolean advanced = false;
            for (StoredCommit commit : window.values()) {
                if (commit.firstSequenceNumber() != next) {
                    break;
                }
                for (Document event : commit.events()) {
                    result.add(new StoredEventView(commit.aggregateType(), aggregateId, event));
                }
                next = commit.lastSequenceNumber() + 1;
                advanced = true;
            }
            if (!advanced) {
                return result;
            }
        }
    }

    // ---- holes ----

    /**
     * Fills a hole in the log, a run of positions whose commit is lost for good, with one audited gap commit: an
     * ordinary commit of the aggregate {@code log-gap-<position>} (type {@value #GAP_AGGREGATE_TYPE}) holding one
     * {@link LogGap} event per missing position, hashed like any other, so that readers stopped there go on. Refused
     * ({@link HoleRepairRefused}, nothing written) unless {@code position} is free, starts the run of free positions
     * (the position before it is taken, or it is 1) and a later position is taken. Fills up to the next taken
     * position, at most {@value #MAX_GAP} positions at a time. Reads the primary, as the writer does; if the lost commit
     * turns up meanwhile, the gap commit's insert collides with it and nothing is filled.
     *
     * @param actor who fills it, recorded on every gap event
     * @param reason why, recorded on every gap event
     * @return the positions filled
     */
    public FilledHole fillHole(long position, String actor, String reason) {
        if (position < 1 || actor.isBlank() || reason.isBlank()) {
            throw new IllegalArgumentException("a position of at least 1, an actor and a reason are needed");
        }
        MongoCollection<Document> primary = LogWriter.onPrimary(events);
        if (primary.find(eq(EventFields.ID, position)).first() != null) {
            throw new HoleRepairRefused("position " + position + " is taken: it is no hole");
        }
        Optional<StoredCommit> below = nearestBelow(primary, position);
        if (below.isPresent() && below.get().containsPosition(position)) {
            throw new HoleRepairRefused("position " + position + " belongs to the commit at "
                    + below.get().firstPosition() + ": it is no hole");
        }
        long start = below.map(commit -> commit.lastPosition() + 1).orElse(1L);
        if (start != position) {
            throw new HoleRepairRefused(
                    "the hole that holds position " + position + " starts at " + start + ": fill it from there");
        }
        long end = position;
        while (end < position + MAX_GAP) {
            TreeMap<Long, StoredCommit> later = commitsByPosition(primary, end + 1, LogHead.WINDOW);
            if (!later.isEmpty()) {
                end = Math.min(later.firstKey() - 1, position + MAX_GAP - 1);
                return storeGap(position, end, actor, reason);
            }
            end += LogHead.WINDOW;
        }
        throw new HoleRepairRefused("no position within " + MAX_GAP + " after " + position + " is taken: " + position
                + " is the end of the log, not a hole");
    }

    private FilledHole storeGap(long first, long last, String actor, String reason) {
        String aggregateId = "log-gap-" + first;
        List<Document> gapEvents = new ArrayList<>();
        for (long position = first; position <= last; position++) {
            gapEvents.add(toDocument(
                    new GenericDomainEventMessage<>(
                            GAP_AGGREGATE_TYPE,
                            aggregateId,
                            position - first,
                            new LogGap(position, actor, reason, clock.instant()),
                            MetaData.with("actor", actor)),
                    getEventSerializer()));
        }
        LogWriter.PendingCommit gap =
                new LogWriter.PendingCommit(GAP_AGGREGATE_TYPE, aggregateId, 0, gapEvents, HashChain.GENESIS, null);
        try {
            events.insertOne(gap.toDocument(first, HashChain.GENESIS));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new HoleRepairRefused("position " + first + " was taken meanwhile: nothing filled");
            }
            throw e;
        }
        log.warn(
                "Event log: positions {} to {} filled with the gap commit {} by {}: {}",
                first,
                last,
                aggregateId,
                actor,
                reason);
        holes.readUpTo(last);
        return new FilledHole(first, last);
    }

    /** The positions a gap commit filled. */
    public record FilledHole(long firstPosition, long lastPosition) {}

    /** The lowest position this instance's readers found missing for longer than the hole timeout, if any. */
    Optional<LogHoles.Hole> hole() {
        return holes.current();
    }

    // ---- export and import ----

    /**
     * Hands every commit document from position 1 through {@code upTo}, in position order, exactly as stored, to
     * {@code action}: the log's content for an export. {@code upTo} must end a commit ({@link
     * #lastCommitEndAtOrBelow}); positions up to it are all taken and never change, so appends going on meanwhile
     * change nothing of what this reads.
     */
    public void forEachCommit(long upTo, Consumer<Document> action) {
        long position = 1;
        while (position <= upTo) {
            long windowStart = position;
            long windowEnd = Math.min(position + EXPORT_WINDOW, upTo + 1);
            Map<Long, Document> window = events
                    .find(in(
                            EventFields.ID,
                            LongStream.range(windowStart, windowEnd).boxed().toList()))
                    .into(new ArrayList<>())
                    .stream()
                    .collect(Collectors.toMap(
                            document ->
                                    document.get(EventFields.ID, Number.class).longValue(),
                            Function.identity()));
            while (position < windowEnd && window.containsKey(position)) {
                Document commit = window.get(position);
                position += commit.getList(EventFields.EVENTS, Document.class).size();
                if (position - 1 > upTo) {
                    throw new IllegalArgumentException("position " + upTo + " does not end a commit");
                }
                action.accept(commit);
            }
            if (position < windowEnd) {
                throw new EventStoreException("the log holds no commit at position " + position + ", below " + upTo);
            }
        }
    }

    /** The last position at or below {@code position} that ends a commit (0 if none): where an export may stop. */
    public long lastCommitEndAtOrBelow(long position) {
        long head = headPosition();
        if (position >= head) {
            return head;
        }
        if (position <= 0 || events.find(eq(EventFields.ID, position + 1)).first() != null) {
            return Math.max(position, 0);
        }
        return commitStraddling(events, position + 1)
                .map(commit -> commit.firstPosition() - 1)
                .orElse(position);
    }

    /**
     * Inserts commit documents exactly as given (positions, hashes and commit ids included), in order: restoring an
     * export into an empty log, from a process that appends nothing else. Nothing is recomputed or checked here;
     * the caller has verified the commits.
     */
    public void restore(List<Document> commits) {
        if (!commits.isEmpty()) {
            events.insertMany(commits, new InsertManyOptions().ordered(true));
        }
    }

    // ---- stored events, for verification ----

    /**
     * The stored event of one aggregate at one sequence number, exactly as it is in the database, if the log holds
     * it: a lookup by {@code seqKey}.
     */
    public Optional<StoredEventView> storedEvent(String aggregateId, long sequenceNumber) {
        return commitContaining(aggregateId, sequenceNumber)
                .map(commit -> new StoredEventView(
                        commit.aggregateType(), aggregateId, commit.events().get((int)
                                (sequenceNumber - commit.firstSequenceNumber()))));
    }

    /**
     * Up to {@code max} stored events from global position {@code from} on, in position order and exactly as they
     * are in the database, stopping before the first position that holds no event: what the transparency log hashes
     * into its leaves. Reads by exact {@code _id}s, like the tracking readers.
     */
    public List<StoredEventView> storedEventsFrom(long from, int max) {
        List<StoredEventView> result = new ArrayList<>();
        long expected = Math.max(1, from);
        int window = Math.max(1, Math.min(max, 256));
        while (result.size() < max) {
            TreeMap<Long, StoredCommit> commits = commitsByPosition(events, expected, window);
            if (!commits.containsKey(expected)) {
                commitStraddling(events, expected).ifPresent(commit -> commits.put(commit.firstPosition(), commit));
            }
            long before = expected;
            for (StoredCommit commit : commits.values()) {
                if (commit.firstPosition() > expected || result.size() >= max) {
                    break;
                }
                if (commit.lastPosition() < expected) {
                    continue;
                }
                int i = (int) (expected - commit.firstPosition());
                for (; i < commit.events().size() && result.size() < max; i++) {
                    result.add(new StoredEventView(
                            commit.aggregateType(),
                            commit.aggregateId(),
                            commit.events().get(i)));
                }
                expected = commit.firstPosition() + i;
            }
            if (expected == before) {
                break;
            }
        }
        return result;
    }

    /**
     * The first position in {@code [1, upTo]} that holds no event, if any. Follows the commits from position 1 by
     * exact {@code _id}s, reading only each commit's positions: a read of the whole log, for auditors who must know
     * that nothing covered by a signed checkpoint was removed.
     */
    public OptionalLong firstMissingPosition(long upTo) {
        long expected = 1;
        while (expected <= upTo) {
            long windowStart = expected;
            Map<Long, Integer> sizes = new TreeMap<>();
            events.find(in(
                            EventFields.ID,
                            LongStream.range(windowStart, windowStart + MISSING_SCAN_WINDOW)
                                    .boxed()
                                    .toList()))
                    .projection(
                            new Document(EventFields.ID, 1).append(EventFields.EVENTS + "." + EventFields.POSITION, 1))
                    .forEach(commit -> sizes.put(
                            commit.get(EventFields.ID, Number.class).longValue(),
                            commit.getList(EventFields.EVENTS, Document.class).size()));
            while (sizes.containsKey(expected)) {
                expected += Math.max(1, sizes.get(expected));
            }
            if (expected < windowStart + MISSING_SCAN_WINDOW) {
                return expected <= upTo ? OptionalLong.of(expected) : OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        writer.close();
    }

    /** A stored event exactly as it is in the database, with what is needed to recompute its hash. */
    public record StoredEventView(String aggregateType, String aggregateId, Document event) {

        public long position() {
            return event.get(EventFields.POSITION, Number.class).longValue();
        }

        public long sequenceNumber() {
            return event.get(EventFields.SEQ, Number.class).longValue();
        }

        public String hash() {
            return event.getString(EventFields.HASH);
        }

        public String recomputeHash(String previousHash) {
            return HashChain.hash(previousHash, position(), HashChain.canonical(aggregateType, aggregateId, event));
        }
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String snapshotsCollection = "snapshots";
        private Clock clock = Clock.systemUTC();
        private Duration holeTimeout = Duration.ofSeconds(30);

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder snapshotsCollection(String name) {
            this.snapshotsCollection = name;
            return this;
        }

        /** The clock of hole detection and of gap commits; the system's by default. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How long a position may be missing while later ones are taken before it is reported as a hole (30 s). */
        public Builder holeTimeout(Duration holeTimeout) {
            this.holeTimeout = holeTimeout;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        public EventLogStorageEngine build() {
            return new EventLogStorageEngine(this);
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("the event log needs a MongoDatabase");
            }
        }
    }
}
