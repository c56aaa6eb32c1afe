package org.newsroom.eventlog;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.newsroom.platform.web.WriteOutcomeUnknown;

/**
 * An append was sent to MongoDB but its answer never came (the connection broke or went silent) and the log could
 * not be read back to find out: the commit may be stored, or may still arrive, or may be lost. Unlike an append that
 * never reached the database, this one must not be reported as "nothing recorded"; a retry with the same
 * idempotency key finds out.
 */
public class AppendOutcomeUnknown extends EventStoreException implements WriteOutcomeUnknown {

    public AppendOutcomeUnknown(String message, Throwable cause) {
        super(message, cause);
    }
}
