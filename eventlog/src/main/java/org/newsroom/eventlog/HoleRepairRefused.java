package org.newsroom.eventlog;

/** {@link EventLogStorageEngine#fillHole} did not fill anything; the message says why and what to do instead. */
public class HoleRepairRefused extends RuntimeException {

    public HoleRepairRefused(String message) {
        super(message);
    }
}
