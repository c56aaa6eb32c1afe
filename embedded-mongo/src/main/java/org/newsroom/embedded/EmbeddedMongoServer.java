package org.newsroom.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;

/**
 * An in-process MongoDB-wire-compatible server (mongo-java-server) on a free loopback port, for the embedded default.
 * The application talks to it through the real MongoDB driver over TCP, exactly as it would to a real MongoDB.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    /** The H2 file in the data directory. */
    static final String FILE_NAME = "newsroom.mv.db";

    /**
     * Threads that run commands. A command runs on the thread of its connection, and a write waiting for the force of
     * its group holds that thread; with netty's default of two per core, a group held at most four writes on two cores.
     */
    static final int COMMAND_THREADS = 32;

    private final DurableH2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path dataFile;

    private EmbeddedMongoServer(DurableH2Backend backend, Path dataFile, String host, int port) {
        this.dataFile = dataFile;
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind(new InetSocketAddress(host, port), 1, COMMAND_THREADS);
        this.address = server.getLocalAddress();
    }

    /**
     * Starts a server listening on {@code host:port} (0: any free port) whose data lives in {@code
     * dataDir/newsroom.mv.db} (both created readable by their owner only) and survives restarts, kill -9 and power
     * cuts: every write is on the disk before it is acknowledged. The jar's {@code store} command runs one on its own,
     * for trials of several instances on one store.
     *
     * @throws IllegalStateException if the file is damaged (the message names it and says how to restore the data), or
     *     in use by another process
     */
    public static EmbeddedMongoServer start(Path dataDir, String host, int port) {
        Path file = DataFile.prepare(dataDir);
        return new EmbeddedMongoServer(DataFile.open(file), file, host, port);
    }

    /** The H2 file that holds the data of a data directory, whether it exists yet or not. */
    public static Path dataFileIn(Path dataDir) {
        return dataDir.resolve(FILE_NAME).toAbsolutePath();
    }

    /** Starts a server on a free loopback port whose data lives in {@code dataDir/newsroom.mv.db}. */
    public static EmbeddedMongoServer start(Path dataDir) {
        return start(dataDir, "127.0.0.1", 0);
    }

    /** Starts a server that keeps everything in memory: for benchmarks and throwaway runs. */
    public static EmbeddedMongoServer startInMemory() {
        return new EmbeddedMongoServer(DurableH2Backend.memory(), null, "127.0.0.1", 0);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** The H2 file holding the data, or null when in memory. */
    public Path dataFile() {
        return dataFile;
    }

    /**
     * H2's own figures about the data file (chunks, fill rates, page cache, commits), by H2's names; empty in memory.
     * For the storage benchmark, not a stable contract.
     */
    public Map<String, String> storeStatistics() {
        return backend.statistics();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
