package org.newsroom.eventlog.export;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.newsroom.eventlog.BsonJson;
import org.newsroom.eventlog.HashChain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks an export file line by line, as it is read: a header first; commits at gap-free positions from 1, each
 * event at the position and sequence number that follow the previous ones, and every article's hash chain
 * recomputing from its first event; an end line whose counts match, and nothing after it. Checkpoint lines are
 * refused: this version cannot verify their signatures.
 */
final class ExportVerifier {

    private record Head(long sequenceNumber, String hash) {}

    private final Map<String, Head> heads = new HashMap<>();
    private final Set<String> idempotentRequests = new HashSet<>();
    private long size = -1;
    private long nextPosition = 1;
    private long commits;
    private long events;
    private boolean ended;

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
            case ExportFormat.CHECKPOINT ->
                throw refused(
                        lineNumber,
                        "a checkpoint line: this version cannot verify checkpoint signatures, so it imports no file"
                                + " that has them");
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
        return new LogImport.Verified(size, commits, events, heads.size());
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
            String recomputed =
                    HashChain.hash(previous, eventPosition, HashChain.canonical(aggregateType, aggregateId, document));
            if (!recomputed.equals(hash)) {
                throw refused(
                        lineNumber,
                        "the event at position " + eventPosition + " (" + aggregateId + ", sequence number " + seq
                                + ") does not match its hash: it, or an event before it in its chain, was altered");
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
