package org.newsroom.eventlog;

import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Another execution of the same idempotent request recorded its events first (see
 * {@link EventLogStorageEngine#IDEMPOTENT_REQUEST}); nothing of this one was stored. A concurrent change, as far as
 * the command is concerned; the idempotency filter then answers with what the first execution recorded.
 */
public class RequestAlreadyRecorded extends ConcurrencyException {

    public RequestAlreadyRecorded(String message, Throwable cause) {
        super(message, cause);
    }
}
