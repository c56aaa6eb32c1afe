package org.newsroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

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

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path dataFile;

    private EmbeddedMongoServer(DurableH2Backend backend, Path dataFile) {
        this.dataFile = dataFile;
        this.server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, COMMAND_THREADS);
        this.address = server.getLocalAddress();
    }

    /**
     * Starts a server whose data lives in {@code dataDir/newsroom.mv.db} and survives restarts, kill -9 and power cuts:
     * every write is on the disk before it is acknowledged.
     */
    public static EmbeddedMongoServer start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        return new EmbeddedMongoServer(DurableH2Backend.openFile(file.toString()), file);
    }

    /** Starts a server that keeps everything in memory: for benchmarks and throwaway runs. */
    public static EmbeddedMongoServer startInMemory() {
        return new EmbeddedMongoServer(DurableH2Backend.memory(), null);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** The H2 file holding the data, or null when in memory. */
    public Path dataFile() {
        return dataFile;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
