package org.newsroom.reliability;

import java.time.Duration;

/**
 * What a client that lost the server waits for before it goes on: one forked instance answering again, or any of
 * several behind a {@link LoadBalancer}.
 */
interface Availability {

    /** Blocks until the server answers again; false if it did not within the timeout. */
    boolean awaitRunning(Duration timeout);
}
