package org.newsroom.query.projection;

import org.axonframework.eventhandling.EventHandler;

/**
 * Takes every event a projection's processor reads and does nothing with it, beside the projection's own handler: the
 * projection's writer learns how far a batch got from the events some handler takes, so an event its projection has
 * no handler for (the log's own: checkpoints, gap commits, and any it records one day) would otherwise leave its
 * position, and a rebuild's, short of the log's head for as long as nothing else follows.
 */
final class PassOver {

    private final String projection;

    PassOver(String projection) {
        this.projection = projection;
    }

    /** The projection whose processor this handler is registered with. */
    String projection() {
        return projection;
    }

    @EventHandler
    public void on(Object event) {
        // nothing to do: being handled is enough for the writer's interceptor to see the event's position
    }
}
