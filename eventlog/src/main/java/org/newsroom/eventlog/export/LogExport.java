package org.newsroom.eventlog.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.newsroom.eventlog.BsonJson;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.EventLogStorageEngine.StoredEventView;
import org.newsroom.eventlog.proof.Checkpoint;
import org.newsroom.eventlog.proof.CheckpointStore;
import org.newsroom.eventlog.proof.CompactRange;
import org.newsroom.eventlog.proof.Leaves;
import org.newsroom.eventlog.proof.MerkleTree;
import org.newsroom.eventlog.proof.NoteSigner;
import org.newsroom.eventlog.proof.NoteVerifier;
import org.newsroom.eventlog.proof.SignedCheckpoint;
import org.newsroom.eventlog.proof.SignedNote;
import org.newsroom.eventlog.proof.TileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;

/**
 * Writes the log in the {@link ExportFormat export format}, online: the export covers the log up to a position fixed
 * when it starts (the head, or a position asked for), and appends made while it runs are not part of it. Positions
 * up to it are all taken and never change, so what it writes is consistent however long it takes.
 * <p>
 * After the commits come the checkpoints that speak for them: the latest checkpoint the log signed of a tree the
 * export holds whole, and, when this process holds the log's signing key ({@link Signing}), a checkpoint signed for
 * exactly the exported size, a standalone signed note that is not appended to the log. The root of that tree is
 * computed from the exported events as they are written; the key signs it only if that tree extends what the log
 * signed before (the latest checkpoint's note verifies with the log's keys, and the exported events have its root
 * or, for a checkpoint beyond the export, the stored tree proves the export's tree a prefix of it): a log rewritten
 * after it was signed is exported, but never signed again.
 */
public final class LogExport {

    private static final Logger log = LoggerFactory.getLogger(LogExport.class);
    // a line is handed to the gzip stream, not flushed through it to the client one by one
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private static final int BUFFER = 64 * 1024;

    private final EventLogStorageEngine engine;
    private final CheckpointStore checkpoints;
    private final TileStore tiles;
    private final @Nullable Signing signing;
    private final Clock clock;

    /**
     * The log's signing key, held by the exporting process, and the verifier keys of the log (the key's own and
     * those of earlier keys) that the latest checkpoint must verify with before the key signs anything after it.
     */
    public record Signing(NoteSigner key, List<NoteVerifier> trusted) {

        public Signing {
            trusted = List.copyOf(trusted);
        }
    }

    /** An export of the log stored in {@code database}, signing a checkpoint of what it exports if given a key. */
    public LogExport(EventLogStorageEngine engine, MongoDatabase database, @Nullable Signing signing, Clock clock) {
        this.engine = engine;
        this.checkpoints = new CheckpointStore(database);
        this.tiles = new TileStore(database);
        this.signing = signing;
        this.clock = clock;
    }

    /**
     * What was written: the last position exported, how many commits and events, the size of the latest checkpoint
     * of the log written with them (0 if none), whether a checkpoint was signed for exactly this export, and if not
     * although a key was there, why.
     */
    public record Written(
            long size,
            long commits,
            long events,
            long latestCheckpointSize,
            boolean signedForExport,
            @Nullable String notSigned) {}

    /**
     * The last position an export asked to stop at {@code upTo} covers: the head of the log when {@code upTo} is
     * absent, else the end of the last commit that ends at or before it.
     *
     * @throws ExportRefused if {@code upTo} is not a position, or lies beyond the head
     */
    public long size(@Nullable String upTo) {
        if (upTo == null || upTo.isBlank()) {
            return engine.headPosition();
        }
        long position;
        try {
            position = Long.parseLong(upTo.trim());
        } catch (NumberFormatException e) {
            position = -1;
        }
        if (position < 0) {
            throw new ExportRefused(
                    ExportRefused.Reason.INVALID,
                    "invalid-up-to",
                    "upTo must be a log position, a whole number from 0, not '" + upTo + "'.");
        }
        long head = engine.headPosition();
        if (position > head) {
            throw new ExportRefused(
                    ExportRefused.Reason.BEYOND_HEAD,
                    "position-beyond-head",
                    "The log ends at position " + head + "; it holds nothing up to " + position + " yet.");
        }
        return engine.lastCommitEndAtOrBelow(position);
    }

    /** Writes the log from position 1 through {@code size} (a {@link #size} answer) to {@code target}, gzip'd. */
    public Written write(long size, OutputStream target) throws IOException {
        Optional<SignedCheckpoint> covering = checkpoints.latestCovering(size);
        long coveringSize = covering.map(SignedCheckpoint::size).orElse(0L);
        GZIPOutputStream gzip = new GZIPOutputStream(target, BUFFER);
        ObjectNode header = JSON.createObjectNode()
                .put(ExportFormat.KIND, ExportFormat.HEADER)
                .put(ExportFormat.FORMAT_FIELD, ExportFormat.FORMAT)
                .put(ExportFormat.SIZE, size)
                .put(ExportFormat.EXPORTED_AT, clock.instant().toString());
        line(gzip, header);
        long[] counts = new long[2];
        CompactRange tree = new CompactRange();
        byte[][] rootAtCovering = {coveringSize == 0 ? MerkleTree.emptyRoot() : null};
        try {
            engine.forEachCommit(size, commit -> {
                line(gzip, commitLine(commit));
                String aggregateType = commit.getString(ExportFormat.AGGREGATE_TYPE);
                String aggregateId = commit.getString(ExportFormat.AGGREGATE_ID);
                for (Document event : commit.getList(ExportFormat.EVENTS, Document.class)) {
                    tree.append(Leaves.hash(new StoredEventView(aggregateType, aggregateId, event)));
                    if (tree.size() == coveringSize) {
                        rootAtCovering[0] = tree.root();
                    }
                }
                counts[0]++;
                counts[1] += commit.getList(ExportFormat.EVENTS, Document.class).size();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        covering.ifPresent(
                checkpoint -> line(gzip, checkpointLine(checkpoint).put(ExportFormat.NUMBER, checkpoint.number())));
        String notSigned = null;
        boolean signed = false;
        if (signing != null && size > coveringSize) {
            byte[] root = tree.root();
            notSigned = whyNotSign(size, root, covering.orElse(null), rootAtCovering[0], signing);
            if (notSigned == null) {
                Checkpoint checkpoint = new Checkpoint(signing.key().name(), size, root);
                String note = SignedNote.sign(checkpoint.text(), signing.key());
                line(
                        gzip,
                        checkpointLine(new SignedCheckpoint(
                                -1,
                                size,
                                checkpoint.rootHashBase64(),
                                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                                note)));
                signed = true;
            } else {
                log.warn("Export of positions 1-{}: no checkpoint signed for it: {}", size, notSigned);
            }
        }
        line(
                gzip,
                JSON.createObjectNode()
                        .put(ExportFormat.KIND, ExportFormat.END)
                        .put(ExportFormat.COMMITS, counts[0])
                        .put(ExportFormat.EVENTS, counts[1]));
        gzip.finish();
        gzip.flush();
        return new Written(size, counts[0], counts[1], coveringSize, signed, notSigned);
    }

    /**
     * Why the tree of the exported events must not be signed, or null if it may: it must extend what the log signed
     * before, as the signer of the log requires of every checkpoint.
     */
    private @Nullable String whyNotSign(
            long size,
            byte[] root,
            @Nullable SignedCheckpoint covering,
            byte @Nullable [] rootAtCovering,
            Signing signing) {
        if (covering != null) {
            String refused = refusal(covering, signing);
            if (refused != null) {
                return refused;
            }
            if (rootAtCovering == null || !MessageDigest.isEqual(rootAtCovering, covering.rootHashBytes())) {
                return "the exported events 1-" + covering.size() + " do not have the root checkpoint "
                        + covering.number() + " signed: the log was rewritten after it was signed";
            }
        }
        Optional<SignedCheckpoint> latest = checkpoints.latest();
        if (latest.isPresent() && latest.get().size() > size) {
            SignedCheckpoint later = latest.get();
            String refused = refusal(later, signing);
            if (refused != null) {
                return refused;
            }
            boolean prefix;
            try {
                prefix = MerkleTree.verifyConsistency(
                        size, later.size(), root, later.rootHashBytes(), tiles.consistencyProof(size, later.size()));
            } catch (TileStore.MissingTile | IllegalArgumentException e) {
                prefix = false;
            }
            if (!prefix) {
                return "the stored tree does not prove the exported events a prefix of checkpoint " + later.number()
                        + " (" + later.size() + " events): the log or its tiles were rewritten after it was signed";
            }
        }
        return null;
    }

    /** Why a stored checkpoint cannot be built on, or null: its note must verify and state what is stored with it. */
    private static @Nullable String refusal(SignedCheckpoint stored, Signing signing) {
        try {
            Checkpoint signed = Checkpoint.parse(SignedNote.open(stored.note(), signing.trusted()));
            if (!signed.origin().equals(signing.key().name())) {
                return "checkpoint " + stored.number() + " is of the log '" + signed.origin() + "', the key signs for '"
                        + signing.key().name() + "'";
            }
            if (signed.size() != stored.size() || !signed.rootHashBase64().equals(stored.rootHash())) {
                return "checkpoint " + stored.number() + " is stored with a size or root other than its note signs";
            }
            return null;
        } catch (SignedNote.InvalidNote e) {
            return "checkpoint " + stored.number() + " does not verify with the log's keys: " + e.getMessage();
        }
    }

    private static ObjectNode checkpointLine(SignedCheckpoint checkpoint) {
        return JSON.createObjectNode()
                .put(ExportFormat.KIND, ExportFormat.CHECKPOINT)
                .put(ExportFormat.SIZE, checkpoint.size())
                .put(ExportFormat.ROOT_HASH, checkpoint.rootHash())
                .put(ExportFormat.TIMESTAMP, checkpoint.timestamp().toString())
                .put(ExportFormat.NOTE, checkpoint.note());
    }

    /** The stored commit as JSON, its {@code _id} written first as {@code position}. */
    static ObjectNode commitLine(Document commit) {
        ObjectNode line = JSON.createObjectNode().put(ExportFormat.KIND, ExportFormat.COMMIT);
        line.set(ExportFormat.POSITION, BsonJson.toJsonValue(commit.get(ExportFormat.STORED_ID)));
        commit.forEach((name, value) -> {
            if (!name.equals(ExportFormat.STORED_ID)) {
                line.set(name, BsonJson.toJsonValue(value));
            }
        });
        return line;
    }

    private static void line(OutputStream out, ObjectNode node) {
        try {
            JSON.writeValue(out, node);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
