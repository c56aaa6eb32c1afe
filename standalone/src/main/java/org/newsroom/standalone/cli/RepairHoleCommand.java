package org.newsroom.standalone.cli;

import java.io.PrintStream;
import java.util.Set;

import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.HoleRepairRefused;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;

/**
 * {@code repair-hole --position N --reason "..." [--actor NAME]}: fills a hole in the log, a run of positions whose
 * commit is lost for good, with an audited gap commit ({@link EventLogStorageEngine#fillHole}), in {@code MONGODB_URI}'s
 * store or the stopped embedded one in the data directory. The actor is recorded as {@code operator:<name>}, the
 * name being {@code --actor} or the user who runs the command.
 */
final class RepairHoleCommand {

    static final String USAGE = "repair-hole --position N --reason \"...\" [--actor NAME]";
    private static final String ACTOR_PREFIX = "operator:";
    private static final Set<String> OPTIONS = Set.of(
            "position", "reason", "actor", "newsroom.data-dir", "newsroom.mongodb.uri", "newsroom.mongodb.database");

    private RepairHoleCommand() {}

    static void run(CommandLine line, PrintStream out) {
        line.allowOnly(OPTIONS);
        line.requireNoArguments(USAGE);
        long position = line.option("position")
                .filter(value -> value.matches("[0-9]{1,18}"))
                .map(Long::parseLong)
                .filter(value -> value >= 1)
                .orElseThrow(() -> new CommandFailed(
                        "--position must be the log position where the hole starts, a whole number from 1; usage: java"
                                + " -jar newsroom.jar " + USAGE));
        String reason = line.option("reason")
                .filter(value -> !value.equals("true"))
                .orElseThrow(() -> new CommandFailed("--reason is required: say why the position is filled, for the"
                        + " audit; usage: java -jar newsroom.jar " + USAGE));
        String actor = actor(line.option("actor").orElseGet(() -> System.getProperty("user.name", "")));
        StoreLocation store = StoreLocation.of(line);
        if (!store.isMongoDb()) {
            if (!store.embeddedExists()) {
                throw new CommandFailed("no embedded store in " + store.dataDir() + " (no "
                        + store.dataFile().getFileName() + "): set NEWSROOM_DATA_DIR to the data directory, or"
                        + " MONGODB_URI");
            }
            if (store.embeddedInUse()) {
                throw new CommandFailed("the data directory " + store.dataDir() + " is in use by a running instance,"
                        + " which alone can write it: stop it, repair, and start it again");
            }
        }
        EventLogStorageEngine.FilledHole filled;
        try (MongoConnection connection = store.open();
                EventLogStorageEngine log = EventLogConfiguration.engineFor(connection.database())) {
            filled = log.fillHole(position, actor, reason);
        } catch (HoleRepairRefused refused) {
            throw new CommandFailed("refused, nothing was written: " + refused.getMessage());
        }
        out.println("Filled positions " + filled.firstPosition() + "-" + filled.lastPosition() + " of the log in "
                + store.describe() + " with the gap commit log-gap-" + filled.firstPosition() + " ("
                + (filled.lastPosition() - filled.firstPosition() + 1) + " " + EventLogStorageEngine.GAP_AGGREGATE_TYPE
                + " events), actor " + actor + ", reason: " + reason
                + ". Readers stopped at the hole go on past it.");
    }

    private static String actor(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.equals("true")) {
            throw new CommandFailed("no actor: give --actor NAME (the user running the command is not known)");
        }
        return trimmed.startsWith(ACTOR_PREFIX) ? trimmed : ACTOR_PREFIX + trimmed;
    }
}
