package org.newsroom.standalone.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.export.ImportRefused;
import org.newsroom.eventlog.export.LogImport;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;

import com.mongodb.MongoException;

/**
 * {@code import FILE}: an export into an empty store, {@code MONGODB_URI}'s or the embedded one in the data
 * directory. The file is verified before the store is even opened, and again by the import itself, which also
 * refuses a store that holds anything; a refused import writes nothing.
 */
final class ImportCommand {

    static final String USAGE = "import FILE [--key=<verifier key>]";
    private static final Set<String> OPTIONS =
            Set.of("key", "newsroom.data-dir", "newsroom.mongodb.uri", "newsroom.mongodb.database");

    private ImportCommand() {}

    static void run(CommandLine line, PrintStream out) {
        line.allowOnly(OPTIONS);
        Path file = line.file(USAGE);
        if (!Files.isRegularFile(file)) {
            throw new CommandFailed("no such file: " + file);
        }
        try {
            LogImport.verify(file);
        } catch (ImportRefused refused) {
            throw new CommandFailed("refused, nothing was written: " + refused.getMessage());
        }
        StoreLocation store = StoreLocation.of(line);
        if (!store.isMongoDb() && store.embeddedInUse()) {
            throw new CommandFailed("the data directory " + store.dataDir() + " is in use by a running instance;"
                    + " an import goes into an empty store that nothing else uses: stop it, or import elsewhere");
        }
        LogImport.Verified imported;
        try (MongoConnection connection = store.open();
                EventLogStorageEngine log = EventLogConfiguration.engineFor(connection.database())) {
            imported = new LogImport(log, connection.database()).restore(file);
        } catch (ImportRefused refused) {
            throw new CommandFailed("refused, nothing was written: " + refused.getMessage());
        } catch (MongoException e) {
            throw new CommandFailed(
                    "the import failed while writing to " + store.describe() + " (" + e.getMessage() + "); the store"
                            + " may hold part of the log now: empty it before importing again",
                    e);
        }
        out.println("Imported positions 1-" + imported.size() + " (" + imported.commits() + " commits, "
                + imported.events() + " events of " + imported.aggregates() + " aggregates) into "
                + store.describe() + ", verified first: gap-free positions, every hash chain, the counts."
                + " The read models are built from the log when Newsroom next starts on it.");
        line.option("key")
                .ifPresent(key -> out.println("The file holds no signed checkpoints, so --key was not used."));
    }
}
