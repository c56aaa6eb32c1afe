package org.newsroom.eventlog.export;

import org.newsroom.platform.idempotency.IdempotentRequest;

/**
 * The export file, {@value #FORMAT}: gzip'd NDJSON, one JSON object per line, each with its {@code kind}:
 * <pre>
 * {"kind":"header","format":"newsroom-log-export/1","size":&lt;last position exported&gt;,"exportedAt":"&lt;ISO instant&gt;"}
 * {"kind":"commit","position":1041,"commitId":…,"aggregateType":…,"aggregateId":…,"seqKey":…,"events":[…]}
 * … one line per commit, in position order, from position 1 …
 * {"kind":"checkpoint","size":&lt;n&gt;,"rootHash":"&lt;base64&gt;","timestamp":"&lt;ISO&gt;","note":"&lt;signed note&gt;","number":&lt;k&gt;}
 * {"kind":"checkpoint","size":&lt;last position&gt;,"rootHash":…,"timestamp":…,"note":…}
 * {"kind":"end","commits":&lt;c&gt;,"events":&lt;n&gt;}
 * </pre>
 * The checkpoint lines, each optional: the latest checkpoint the log signed (the {@code CheckpointSigned} event of
 * number {@code k}) of a tree of at most the exported size, then a checkpoint signed at export time for exactly the
 * exported size, which the log does not hold (no {@code number}). Each states a tree size and root and carries the
 * signed note that states them; an import recomputes the root of the exported events at that size.
 * A commit line is the stored commit document as JSON ({@link org.newsroom.eventlog.BsonJson}: an event's
 * {@code timestamp} as an ISO instant), with its {@code _id} written as {@code position}, first. Every event keeps its
 * {@code position}, {@code seq} and {@code hash}, so that a reader can recompute each article's hash chain.
 */
public final class ExportFormat {

    public static final String FORMAT = "newsroom-log-export/1";

    static final String KIND = "kind";
    static final String HEADER = "header";
    static final String COMMIT = "commit";
    static final String CHECKPOINT = "checkpoint";
    static final String END = "end";

    static final String FORMAT_FIELD = "format";
    static final String SIZE = "size";
    static final String EXPORTED_AT = "exportedAt";
    static final String COMMITS = "commits";
    static final String EVENTS = "events";

    // the stored commit's fields (the event log's documents), as the export writes them
    static final String STORED_ID = "_id";
    static final String POSITION = "position";
    static final String COMMIT_ID = "commitId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQ_KEY = "seqKey";
    static final String IDEMPOTENT_REQUEST = IdempotentRequest.METADATA;
    static final String SEQ = "seq";
    static final String TIMESTAMP = "timestamp";
    static final String HASH = "hash";
    static final String ROOT_HASH = "rootHash";
    static final String NOTE = "note";
    static final String NUMBER = "number";

    private ExportFormat() {}
}
