package org.newsroom.eventlog.export;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.newsroom.eventlog.BsonJson;
import org.newsroom.eventlog.HashChain;
import org.newsroom.eventlog.proof.Checkpoint;
import org.newsroom.eventlog.proof.Leaves;
import org.newsroom.eventlog.proof.SignedCheckpoint;
import org.newsroom.eventlog.proof.SignedNote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks an export file line by line, as it is read: a header first; commits at gap-free positions from 1, each
 * event at the position and sequence number that follow the previous ones, and every article's hash chain
 * recomputing from its first event; an end line whose counts match, and nothing after it. Every checkpoint the file
 * carries (checkpoint lines, and the log's {@code CheckpointSigned} events) must be signed by a trusted key (as
 * {@link CheckpointTrust} says), state in its fields what its note signs, and, once the whole file is read, its size
 * must lie within the file and the root of the file's events at that size must be the signed root.
 */
final class ExportVerifier {

    private record Head(long sequenceNumber, String hash) {}

    /** A checkpoint the file carries, where it is, and what its note states. */
    private record Claim(String where, long lineNumber, Checkpoint signed) {}

    private final CheckpointTrust trust;
    private final LeafHashes leaves;
    private final List<Claim> claims = new ArrayList<>();
    private final Map<String, Head> heads = new HashMap<>();
    private final Set<String> idempotentRequests = new HashSet<>();
    private long size = -1;
    private long nextPosition = 1;
    private long commits;
    private long events;
    private boolean ended;

    ExportVerifier(CheckpointTrust trust, LeafHashes leaves) {
        this.trust = trust;
        this.leaves = leaves;
    }

    void accept(long lineNumber, ObjectNode line) {
        String kind = line.path(ExportFormat.KIND).asText("");
        if (ended) {
            throw refused(lineNumber, "a line after the end line");
        }
        if (lineNumber == 1 && !kind.equals(ExportFormat.HEADER)) {
            throw refused(lineNumber, "the file does not start with a header line; is it an export of Newsroom's log?");
        }
        switch (kind) {
            case ExportFormat.HEADER -> header(lineNumber, line);
            case ExportFormat.COMMIT -> commit(lineNumber, line);
            case ExportFormat.END -> end(lineNumber, line);
            case ExportFormat.CHECKPOINT -> checkpointLine(lineNumber, line);
            default -> throw refused(lineNumber, "a line of unknown kind '" + kind + "'");
        }
    }

    /** What was verified, once the whole file was read. */
    LogImport.Verified finish() {
        if (size < 0) {
            throw new ImportRefused("the file is empty");
        }
        if (!ended) {
            throw new ImportRefused("the file has no end line: it is truncated (after position " + (nextPosition - 1)
                    + " of " + size + ")");
        }
        if (claims.isEmpty() && !trust.withoutCheckpoint()) {
            throw new ImportRefused("the file holds no signed checkpoint, so nothing but its hash chains speaks for its"
                    + " events, and anyone who could write the database could have recomputed those; take it as it"
                    + " is only knowingly (the import command's --no-checkpoint)");
        }
        TreeSet<Long> sizes = new TreeSet<>();
        long covered = 0;
        for (Claim claim : claims) {
            if (claim.signed().size() > size) {
                throw refused(
                        claim.lineNumber(),
                        claim.where() + " signs a tree of " + claim.signed().size() + " events; the file holds "
                                + size);
            }
            sizes.add(claim.signed().size());
            covered = Math.max(covered, claim.signed().size());
        }
        Map<Long, byte[]> roots = leaves.rootsAt(sizes);
        for (Claim claim : claims) {
            if (!MessageDigest.isEqual(
                    roots.get(claim.signed().size()), claim.signed().rootHash())) {
                throw refused(
                        claim.lineNumber(),
                        claim.where() + " signs the root " + claim.signed().rootHashBase64() + " of the first "
                                + claim.signed().size() + " events; the file's events have another: an event it"
                                + " covers was altered, added or removed after it was signed");
            }
        }
        return new LogImport.Verified(size, commits, events, heads.size(), claims.size(), covered);
    }

    private void checkpointLine(long lineNumber, ObjectNode line) {
        if (size < 0) {
            throw refused(lineNumber, "a checkpoint line before the header");
        }
        String where = line.has(ExportFormat.NUMBER)
                ? "checkpoint " + number(lineNumber, line, ExportFormat.NUMBER) + " of the log"
                : "the checkpoint signed for the export";
        claim(
                lineNumber,
                where,
                number(lineNumber, line, ExportFormat.SIZE),
                text(lineNumber, line, ExportFormat.ROOT_HASH),
                text(lineNumber, line, ExportFormat.NOTE));
    }

    /** Opens a checkpoint's note as trusted, checks that the fields beside it state what it signs, and keeps it. */
    private void claim(long lineNumber, String where, long size, String rootHash, String note) {
        Checkpoint signed;
        try {
            signed = Checkpoint.parse(
                    trust.signaturesChecked() ? SignedNote.open(note, trust.keys()) : SignedNote.unverifiedText(note));
        } catch (SignedNote.InvalidNote e) {
            throw refused(
                    lineNumber,
                    where + ": " + e.getMessage()
                            + (trust.keys().isEmpty() ? " (no verifier key was given to check it with)" : ""));
        }
        if (signed.size() != size || !signed.rootHashBase64().equals(rootHash)) {
            throw refused(
                    lineNumber,
                    where + " states size " + size + " and root " + rootHash + " beside a note that signs "
                            + signed.size() + " and " + signed.rootHashBase64());
        }
        claims.add(new Claim(where, lineNumber, signed));
    }

    private void header(long lineNumber, ObjectNode line) {
        if (lineNumber != 1) {
            throw refused(lineNumber, "a second header line");
        }
        String format = line.path(ExportFormat.FORMAT_FIELD).asText("");
        if (!format.equals(ExportFormat.FORMAT)) {
            throw refused(lineNumber, "format '" + format + "'; this version reads " + ExportFormat.FORMAT + " only");
        }
        size = number(lineNumber, line, ExportFormat.SIZE);
        text(lineNumber, line, ExportFormat.EXPORTED_AT);
    }

    private void commit(long lineNumber, ObjectNode line) {
        long position = number(lineNumber, line, ExportFormat.POSITION);
        if (position != nextPosition) {
            throw refused(
                    lineNumber,
                    "a commit at position " + position + " where " + nextPosition
                            + " was expected: positions must follow each other without a gap");
        }
        String aggregateType = text(lineNumber, line, ExportFormat.AGGREGATE_TYPE);
        String aggregateId = text(lineNumber, line, ExportFormat.AGGREGATE_ID);
        text(lineNumber, line, ExportFormat.COMMIT_ID);
        String seqKey = text(lineNumber, line, ExportFormat.SEQ_KEY);
        JsonNode stored = line.get(ExportFormat.EVENTS);
        if (stored == null || !stored.isArray() || stored.isEmpty()) {
            throw refused(lineNumber, "a commit without events");
        }
        Head head = heads.get(aggregateId);
        long sequenceNumber = head == null ? 0 : head.sequenceNumber() + 1;
        String previous = head == null ? HashChain.GENESIS : head.hash();
        if (!seqKey.equals(aggregateId + "#" + sequenceNumber)) {
            throw refused(
                    lineNumber,
                    "seqKey '" + seqKey + "' where " + aggregateId + " continues at sequence number " + sequenceNumber);
        }
        for (int i = 0; i < stored.size(); i++) {
            if (!(stored.get(i) instanceof ObjectNode event)) {
                throw refused(lineNumber, "event " + i + " is not an object");
            }
            long eventPosition = number(lineNumber, event, ExportFormat.POSITION);
            long seq = number(lineNumber, event, ExportFormat.SEQ);
            if (eventPosition != position + i || seq != sequenceNumber) {
                throw refused(
                        lineNumber,
                        "event " + i + " is at position " + eventPosition + ", sequence number " + seq + " of "
                                + aggregateId + "; expected position " + (position + i) + ", sequence number "
                                + sequenceNumber);
            }
            requireStoredEvent(lineNumber, event);
            String hash = text(lineNumber, event, ExportFormat.HASH);
            Document document = BsonJson.toDocument(event);
            byte[] canonical = HashChain.canonical(aggregateType, aggregateId, document);
            String recomputed = HashChain.hash(previous, eventPosition, canonical);
            if (!recomputed.equals(hash)) {
                throw refused(
                        lineNumber,
                        "the event at position " + eventPosition + " (" + aggregateId + ", sequence number " + seq
                                + ") does not match its hash: it, or an event before it in its chain, was altered");
            }
            leaves.add(Leaves.hash(eventPosition, canonical));
            if (SignedCheckpoint.isCheckpoint(aggregateType, document)) {
                checkpointEvent(lineNumber, eventPosition, seq, event);
            }
            previous = hash;
            sequenceNumber++;
        }
        heads.put(aggregateId, new Head(sequenceNumber - 1, previous));
        JsonNode request = line.get(ExportFormat.IDEMPOTENT_REQUEST);
        if (request != null && !request.isNull() && !idempotentRequests.add(request.asText())) {
            throw refused(lineNumber, "a second commit of idempotent request " + request.asText());
        }
        commits++;
        events += stored.size();
        nextPosition = position + stored.size();
        if (nextPosition - 1 > size) {
            throw refused(lineNumber, "a commit beyond the size the header gives (" + size + ")");
        }
    }

    private void checkpointEvent(long lineNumber, long position, long number, ObjectNode event) {
        JsonNode payload = event.path("payload");
        if (!(payload instanceof ObjectNode fields)) {
            throw refused(lineNumber, "the checkpoint event at position " + position + " has no payload");
        }
        claim(
                lineNumber,
                "checkpoint " + number + " of the log (the event at position " + position + ")",
                number(lineNumber, fields, ExportFormat.SIZE),
                text(lineNumber, fields, ExportFormat.ROOT_HASH),
                text(lineNumber, fields, ExportFormat.NOTE));
    }

    private static void requireStoredEvent(long lineNumber, ObjectNode event) {
        text(lineNumber, event, "eventId");
        text(lineNumber, event, "payloadType");
        String timestamp = text(lineNumber, event, ExportFormat.TIMESTAMP);
        try {
            Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw refused(lineNumber, "timestamp '" + timestamp + "' is not an ISO instant");
        }
        for (String field : new String[] {"revision", "payload", "metaData"}) {
            if (!event.has(field)) {
                throw refused(lineNumber, "an event without " + field);
            }
        }
    }

    private void end(long lineNumber, ObjectNode line) {
        long declaredCommits = number(lineNumber, line, ExportFormat.COMMITS);
        long declaredEvents = number(lineNumber, line, ExportFormat.EVENTS);
        if (declaredCommits != commits || declaredEvents != events) {
            throw refused(
                    lineNumber,
                    "the end line counts " + declaredCommits + " commits and " + declaredEvents + " events; the file"
                            + " holds " + commits + " and " + events);
        }
        if (nextPosition - 1 != size) {
            throw refused(
                    lineNumber,
                    "the header gives size " + size + " but the commits end at position " + (nextPosition - 1));
        }
        ended = true;
    }

    private static long number(long lineNumber, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw refused(lineNumber, "'" + field + "' is not a whole number from 0: " + value);
        }
        return value.asLong();
    }

    private static String text(long lineNumber, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw refused(lineNumber, "'" + field + "' is not a string: " + value);
        }
        return value.textValue();
    }

    static ImportRefused refused(long lineNumber, String what) {
        return new ImportRefused("line " + lineNumber + ": " + what);
    }
}
