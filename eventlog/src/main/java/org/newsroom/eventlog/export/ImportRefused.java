package org.newsroom.eventlog.export;

/** An export file that is not imported, and why (the line at fault, where one is): nothing was written. */
public class ImportRefused extends RuntimeException {

    public ImportRefused(String message) {
        super(message);
    }

    public ImportRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
