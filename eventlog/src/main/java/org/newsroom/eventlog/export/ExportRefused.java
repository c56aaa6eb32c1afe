package org.newsroom.eventlog.export;

/** An export that cannot be made as asked: nothing was written. */
public class ExportRefused extends RuntimeException {

    /** Why: the request itself is malformed, or it asks for positions the log does not hold yet. */
    public enum Reason {
        INVALID,
        BEYOND_HEAD
    }

    private final Reason reason;
    private final String code;

    public ExportRefused(Reason reason, String code, String message) {
        super(message);
        this.reason = reason;
        this.code = code;
    }

    public Reason reason() {
        return reason;
    }

    /** A stable code for the refusal, e.g. {@code invalid-up-to}. */
    public String code() {
        return code;
    }
}
