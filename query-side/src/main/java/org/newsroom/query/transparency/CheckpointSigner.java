package org.newsroom.query.transparency;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;
import org.newsroom.eventlog.proof.Checkpoint;
import org.newsroom.eventlog.proof.CheckpointStore;
import org.newsroom.eventlog.proof.NoteSigner;
import org.newsroom.eventlog.proof.SignedCheckpoint;
import org.newsroom.eventlog.proof.SignedNote;
import org.newsroom.eventlog.proof.TileStore;
import org.newsroom.log.CheckpointSigned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extends the tiled tree from the log and signs a checkpoint when one is due: the tree holds an event that is not a
 * checkpoint beyond the latest checkpoint, and either the caller asks now (a publication) or the interval has passed
 * since the latest. The checkpoint is appended to the log as {@link CheckpointSigned} of the aggregate {@code Log}
 * with the origin as id and the checkpoint number as sequence number, so that of two signers racing for a number
 * exactly one wins; then it is recorded in the checkpoint store. A checkpoint event is not itself a reason to sign,
 * and a tree that does not extend the latest signed one is never signed.
 */
public class CheckpointSigner {

    /** The aggregate type of the log's own events. */
    public static final String LOG = "Log";

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);
    private static final int CHUNK = 2_000;

    private final EventStore eventStore;
    private final EventLogStorageEngine engine;
    private final TileStore tiles;
    private final CheckpointStore checkpoints;
    private final NoteSigner key;
    private final TransparencySettings settings;
    private final Clock clock;

    CheckpointSigner(
            EventStore eventStore,
            EventLogStorageEngine engine,
            TileStore tiles,
            CheckpointStore checkpoints,
            NoteSigner key,
            TransparencySettings settings,
            Clock clock) {
        this.eventStore = eventStore;
        this.engine = engine;
        this.tiles = tiles;
        this.checkpoints = checkpoints;
        this.key = key;
        this.settings = settings;
        this.clock = clock;
    }

    /** Signs a checkpoint if one is due ({@code now}: whatever the interval); answers it. */
    public Optional<SignedCheckpoint> signIfDue(boolean now) {
        Optional<SignedCheckpoint> latest = catchUp();
        TileStore.TreeHead head = tiles.extend(engine, CheckpointSigner::isContent, CHUNK);
        long covered = latest.map(SignedCheckpoint::size).orElse(0L);
        if (head.lastContent() <= covered) {
            return Optional.empty();
        }
        Instant timestamp = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!now
                && latest.isPresent()
                && latest.get().timestamp().plus(settings.checkpointInterval()).isAfter(timestamp)) {
            return Optional.empty();
        }
        latest.ifPresent(this::requireConsistentWith);
        long number = latest.map(checkpoint -> checkpoint.number() + 1).orElse(0L);
        Checkpoint checkpoint = new Checkpoint(settings.origin(), head.size(), tiles.root(head.size()));
        String note = SignedNote.sign(checkpoint.text(), key);
        CheckpointSigned event = new CheckpointSigned(head.size(), checkpoint.rootHashBase64(), timestamp, note);
        try {
            eventStore.publish(new GenericDomainEventMessage<>(LOG, settings.origin(), number, event));
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            log.info("Checkpoint {} was signed by another signer first; this one stands down for it", number);
            catchUp();
            return Optional.empty();
        }
        SignedCheckpoint signed =
                new SignedCheckpoint(number, head.size(), checkpoint.rootHashBase64(), timestamp, note);
        checkpoints.record(signed);
        log.debug("Signed checkpoint {}: {} events, root {}", number, head.size(), signed.rootHash());
        return Optional.of(signed);
    }

    /**
     * A log never signs a tree that is not an extension of one it signed (C2SP tlog-checkpoint): if the stored tree no
     * longer has the signed root at the signed size, the log or the tiles were rewritten, and signing stops until an
     * operator has looked.
     */
    private void requireConsistentWith(SignedCheckpoint latest) {
        if (!Arrays.equals(tiles.root(latest.size()), latest.rootHashBytes())) {
            log.error(
                    "The stored tree of {} events no longer has the root of checkpoint {}: the log or its tiles were"
                            + " rewritten. No checkpoint is signed until this is resolved.",
                    latest.size(),
                    latest.number());
            throw new IllegalStateException("the stored tree is inconsistent with checkpoint " + latest.number());
        }
    }

    /** The latest checkpoint, after recording those the log holds beyond the store's latest (a signer that died). */
    public Optional<SignedCheckpoint> catchUp() {
        Optional<SignedCheckpoint> latest = checkpoints.latest();
        long next = latest.map(checkpoint -> checkpoint.number() + 1).orElse(0L);
        while (true) {
            Optional<StoredEventView> stored = engine.storedEvent(settings.origin(), next);
            if (stored.isEmpty()) {
                return latest;
            }
            SignedCheckpoint found = fromLog(next, stored.get());
            checkpoints.record(found);
            latest = Optional.of(found);
            next++;
        }
    }

    static boolean isContent(StoredEventView event) {
        return !LOG.equals(event.aggregateType());
    }

    private static SignedCheckpoint fromLog(long number, StoredEventView stored) {
        Document payload = stored.event().get("payload", Document.class);
        return new SignedCheckpoint(
                number,
                payload.get("size", Number.class).longValue(),
                payload.getString("rootHash"),
                Instant.parse(payload.getString("timestamp")),
                payload.getString("note"));
    }
}
