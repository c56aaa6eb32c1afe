package org.newsroom.standalone.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.export.CheckpointTrust;
import org.newsroom.eventlog.export.ImportRefused;
import org.newsroom.eventlog.export.LogImport;
import org.newsroom.eventlog.proof.NoteSigner;
import org.newsroom.eventlog.proof.NoteVerifier;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;

import com.mongodb.MongoException;

/**
 * {@code import FILE}: an export into an empty store, {@code MONGODB_URI}'s or the embedded one in the data
 * directory. The file is verified before the store is even opened, and again by the import itself, which also
 * refuses a store that holds anything; a refused import writes nothing. Every checkpoint in the file must be signed
 * by a key given with {@code --key} or by the installation's own signing key, and its root recomputes from the
 * file's events; a file without any checkpoint is taken only with {@code --no-checkpoint}.
 */
final class ImportCommand {

    static final String USAGE = "import FILE [--key=<verifier key>]... [--no-checkpoint]";
    private static final Set<String> OPTIONS = Stream.concat(
                    Stream.of(
                            "no-checkpoint", "newsroom.data-dir", "newsroom.mongodb.uri", "newsroom.mongodb.database"),
                    LogKeys.OPTIONS.stream())
            .collect(Collectors.toUnmodifiableSet());

    private ImportCommand() {}

    static void run(CommandLine line, PrintStream out) {
        line.allowOnly(OPTIONS);
        Path file = line.file(USAGE);
        if (!Files.isRegularFile(file)) {
            throw new CommandFailed("no such file: " + file);
        }
        StoreLocation store = StoreLocation.of(line);
        List<NoteVerifier> given = LogKeys.given(line);
        Optional<NoteSigner> own = LogKeys.signingKey(line, store);
        List<NoteVerifier> keys = LogKeys.trusted(given, own);
        CheckpointTrust trust = CheckpointTrust.signedBy(keys, line.flag("no-checkpoint"));
        try {
            LogImport.verify(file, trust);
        } catch (ImportRefused refused) {
            throw new CommandFailed("refused, nothing was written: " + refused.getMessage()
                    + (keys.isEmpty()
                            ? " (no verifier key: give the log's with --key=<verifier key>, as GET"
                                    + " /audit/log/public-key answers it, or put this installation's signing key"
                                    + " where it reads it)"
                            : ""));
        }
        if (!store.isMongoDb() && store.embeddedInUse()) {
            throw new CommandFailed("the data directory " + store.dataDir() + " is in use by a running instance;"
                    + " an import goes into an empty store that nothing else uses: stop it, or import elsewhere");
        }
        LogImport.Verified imported;
        try (MongoConnection connection = store.open();
                EventLogStorageEngine log = EventLogConfiguration.engineFor(connection.database())) {
            imported = new LogImport(log, connection.database()).restore(file, trust);
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
                + store.describe() + ", verified first: gap-free positions, every hash chain, the counts, and "
                + imported.checkpoints() + " signed checkpoints (signatures and roots). The read models and the"
                + " transparency log's tiles are built from the log when Newsroom next starts on it.");
        if (imported.checkpoints() == 0) {
            out.println("The file held no signed checkpoint: it was taken on its hash chains alone (--no-checkpoint),"
                    + " which anyone who could write the old database could have recomputed. The checkpoints this"
                    + " installation signs from now on vouch for that history as it was imported.");
        } else if (imported.coveredByCheckpoint() < imported.size()) {
            out.println("Signed checkpoints cover positions 1-" + imported.coveredByCheckpoint() + "; positions "
                    + (imported.coveredByCheckpoint() + 1) + "-" + imported.size()
                    + " were taken on their hash chains alone.");
        }
        List<NoteVerifier> foreign = given.stream()
                .filter(key -> own.map(signer -> !signer.verifier().equals(key)).orElse(true))
                .toList();
        if (!foreign.isEmpty()) {
            out.println("For /audit/articles/{id}/integrity to accept the imported checkpoints signed with a key"
                    + " given here, list it in newsroom.transparency.verifier-keys (or make it the signing key): "
                    + foreign.stream().map(NoteVerifier::vkey).collect(Collectors.joining(", ")));
        }
    }
}
