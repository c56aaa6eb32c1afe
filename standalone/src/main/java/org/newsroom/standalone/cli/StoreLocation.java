package org.newsroom.standalone.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

import org.newsroom.embedded.EmbeddedMongoServer;
import org.newsroom.platform.mongo.MongoConfiguration;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;

import com.mongodb.ConnectionString;

/**
 * Where a command finds the data, as the application would: the MongoDB of {@code MONGODB_URI}, else the embedded
 * store in {@code NEWSROOM_DATA_DIR} (default {@code ./data}).
 */
final class StoreLocation {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final Optional<String> uri;
    private final String database;
    private final Path dataDir;

    private StoreLocation(Optional<String> uri, String database, Path dataDir) {
        this.uri = uri;
        this.database = database;
        this.dataDir = dataDir;
    }

    static StoreLocation of(CommandLine line) {
        return new StoreLocation(
                line.setting("newsroom.mongodb.uri", "MONGODB_URI"),
                line.setting("newsroom.mongodb.database", "NEWSROOM_MONGODB_DATABASE", "newsroom"),
                Path.of(line.setting("newsroom.data-dir", "NEWSROOM_DATA_DIR", "./data"))
                        .toAbsolutePath()
                        .normalize());
    }

    boolean isMongoDb() {
        return uri.isPresent();
    }

    Path dataDir() {
        return dataDir;
    }

    Path dataFile() {
        return EmbeddedMongoServer.dataFileIn(dataDir);
    }

    boolean embeddedExists() {
        return Files.isRegularFile(dataFile());
    }

    /**
     * Whether a running process holds the embedded store's file (H2 locks it while open): then only that process
     * can read or write it.
     */
    boolean embeddedInUse() {
        Path file = dataFile();
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new CommandFailed("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Connects to the MongoDB, or starts the embedded store on the data directory (closed with the connection). */
    MongoConnection open() {
        if (uri.isPresent()) {
            return MongoConfiguration.connect(uri.get(), database, TIMEOUT, SOCKET_TIMEOUT);
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDir);
        return MongoConfiguration.embedded(server.connectionString(), database, server, TIMEOUT, SOCKET_TIMEOUT);
    }

    /** For messages: where the data is, without credentials. */
    String describe() {
        return uri.map(ConnectionString::new)
                .map(parsed -> "MongoDB at " + String.join(",", parsed.getHosts()) + " (database '"
                        + (parsed.getDatabase() == null ? database : parsed.getDatabase()) + "')")
                .orElse("the embedded store in " + dataDir);
    }
}
