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

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path dataFile;

    private EmbeddedMongoServer(DurableH2Backend backend, Path dataFile, String host, int port) {
        this.dataFile = dataFile;
        this.server = new MongoServer(backend);
        server.bind(host, port);
        this.address = server.getLocalAddress();
    }

    /**
     * Starts a server listening on {@code host:port} (0: any free port) whose data lives in {@code
     * dataDir/newsroom.mv.db}; the jar's {@code store} command runs one on its own, for trials of several instances
     * on one store.
     */
    public static EmbeddedMongoServer start(Path dataDir, String host, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        Path file = dataFileIn(dataDir);
        return new EmbeddedMongoServer(DurableH2Backend.openFile(file.toString()), file, host, port);
    }

    /** The H2 file that holds the data of a data directory, whether it exists yet or not. */
    public static Path dataFileIn(Path dataDir) {
        return dataDir.resolve(FILE_NAME).toAbsolutePath();
    }

    /** Starts a server whose data lives in {@code dataDir/newsroom.mv.db} and survives restarts and kill -9. */
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

    @Override
    public void close() {
        server.shutdownNow();
    }
}
