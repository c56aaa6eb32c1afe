package org.newsroom.standalone.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

/**
 * The jar's commands: {@code java -jar newsroom.jar store|export|import|repair-hole|help ...}. Any other first argument (or none)
 * runs the application, as before there were commands.
 */
public final class Commands {

    private static final Set<String> NAMES = Set.of("store", "export", "import", "repair-hole", "help");
    /** Read by logback when it starts, so it must be set before anything logs. */
    private static final String LOGGING = "org/newsroom/standalone/cli/logback-commands.xml";

    private Commands() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /** Runs the command of {@code args[0]}; the exit code: 0 when it did what it was asked, else 1. */
    public static int run(String[] args) {
        System.setProperty("logback.configurationFile", LOGGING);
        return run(args, System.getenv(), System.out, System.err);
    }

    /** Runs a command with the given environment, writing its results to {@code out} and its failure to {@code err}. */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine line = CommandLine.parse(args, environment);
        try {
            switch (line.command()) {
                case "store" -> StoreCommand.run(line, out);
                case "export" -> ExportCommand.run(line, out);
                case "import" -> ImportCommand.run(line, out);
                case "repair-hole" -> RepairHoleCommand.run(line, out);
                default -> out.print(usage());
            }
            return 0;
        } catch (CommandFailed failed) {
            err.println("newsroom " + line.command() + ": " + failed.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("newsroom " + line.command() + " failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("newsroom " + line.command() + ": interrupted");
            return 1;
        }
    }

    static String usage() {
        return """
                Usage: java -jar newsroom.jar [COMMAND ...]

                Without a command, runs Newsroom (options such as --server.port=9090 apply).

                Commands:
                  store                 the embedded MongoDB-compatible store on its own, so that several instances
                                        can share it (MONGODB_URI=mongodb://127.0.0.1:27017 on each); data in
                                        NEWSROOM_DATA_DIR (./data), --newsroom.store.port=27017,
                                        --newsroom.store.address=127.0.0.1. For trials and tests, not production:
                                        that is a MongoDB replica set.
                  %s
                                        the event log into FILE (gzip'd NDJSON), from MONGODB_URI or from the
                                        embedded store in NEWSROOM_DATA_DIR; when an instance runs on that store,
                                        through it, as an operator (password NEWSROOM_OPERATOR_PASSWORD, else the
                                        demo password). After the commits: the latest checkpoint the log signed,
                                        and one signed for exactly what was exported when the installation's
                                        signing key is at hand. The file is verified before it is kept.
                  %s
                                        verifies FILE, then writes its log into an empty store (MONGODB_URI, or the
                                        embedded store in NEWSROOM_DATA_DIR); a file that does not verify is
                                        refused and nothing is written. Its checkpoints must be signed by a --key
                                        (C2SP verifier key, repeatable) or the installation's own signing key, and
                                        their roots recompute from the file; a file without any checkpoint is
                                        taken on its hash chains alone only with --no-checkpoint. The read models
                                        are built on the next start.
                  %s
                                        fills a hole of the log (positions lost for good) from position N up to
                                        the next taken one with an audited gap commit, in MONGODB_URI's store or
                                        the stopped embedded one; actor: operator:<NAME, else the OS user>.
                  help                  this text

                Each command exits with 0 when it did what it was asked, else with 1 and a message.
                """.formatted(ExportCommand.USAGE, ImportCommand.USAGE, RepairHoleCommand.USAGE);
    }
}
