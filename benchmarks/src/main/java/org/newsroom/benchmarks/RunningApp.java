package org.newsroom.benchmarks;

import java.net.URI;
import java.nio.file.Path;

/** The standalone application under test, started on a data directory. */
interface RunningApp extends AutoCloseable {

    URI base();

    /** Heap in use right after a full garbage collection, in bytes. */
    long heapUsedAfterFullGc() throws Exception;

    @Override
    void close();

    /** Starts the application on a data directory (the embedded default, H2 file backend). */
    @FunctionalInterface
    interface Launcher {
        RunningApp start(Path dataDir, String name) throws Exception;
    }
}
