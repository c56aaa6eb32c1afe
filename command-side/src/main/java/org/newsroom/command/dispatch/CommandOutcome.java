package org.newsroom.command.dispatch;

/**
 * What a command handled through the command bus returns to its sender: the handler's own result and, once the unit
 * of work committed, the version of the aggregate it changed (the number of events recorded for it) and the global
 * position of the last event the command wrote. Filled in after commit, read by the sender after the gateway returns.
 */
public final class CommandOutcome {

    private final Object result;
    private volatile Long version;
    private volatile Long position;

    CommandOutcome(Object result) {
        this.result = result;
    }

    void committed(Long lastSequenceNumber, Long lastPosition) {
        this.version = lastSequenceNumber == null ? null : lastSequenceNumber + 1;
        this.position = lastPosition;
    }

    public Object result() {
        return result;
    }

    public <T> T result(Class<T> type) {
        return type.cast(result);
    }

    /** The aggregate's version after the command: 1 after its first event. */
    public long version() {
        if (version == null) {
            throw new IllegalStateException("the command recorded no event, or has not committed");
        }
        return version;
    }

    /** The global position of the last event the command wrote. */
    public long position() {
        if (position == null) {
            throw new IllegalStateException("the command wrote no event, or has not committed");
        }
        return position;
    }
}
