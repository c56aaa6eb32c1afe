package org.newsroom.standalone.cli;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.newsroom.embedded.EmbeddedMongoServer;

/**
 * {@code store}: the embedded MongoDB-compatible store on its own, so that several instances can share it
 * ({@code MONGODB_URI=mongodb://127.0.0.1:27017} on each). For trials and tests: a MongoDB replica set is what
 * production runs on. It stops cleanly on SIGTERM (or Ctrl-C): the store is closed and its file unlocked.
 */
final class StoreCommand {

    private static final Set<String> OPTIONS =
            Set.of("newsroom.data-dir", "newsroom.store.port", "newsroom.store.address");

    private StoreCommand() {}

    static void run(CommandLine line, PrintStream out) throws InterruptedException {
        line.allowOnly(OPTIONS);
        StoreLocation store = StoreLocation.of(line);
        String address = line.setting("newsroom.store.address", "NEWSROOM_STORE_ADDRESS", "127.0.0.1");
        int port = port(line.setting("newsroom.store.port", "NEWSROOM_STORE_PORT", "27017"));
        if (store.embeddedInUse()) {
            throw new CommandFailed("the data directory " + store.dataDir() + " is in use by a running instance");
        }
        EmbeddedMongoServer server;
        try {
            server = EmbeddedMongoServer.start(store.dataDir(), address, port);
        } catch (RuntimeException e) {
            throw new CommandFailed("cannot serve " + store.dataDir() + " on " + address + ":" + port + ": " + e, e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            out.println("Newsroom store closed: " + store.dataFile());
                            out.flush();
                            // a stop asked for is a success: exit 0, not the 143 of a JVM that SIGTERM ended
                            Runtime.getRuntime().halt(0);
                        },
                        "store-shutdown"));
        out.println("Newsroom store listening on " + server.connectionString() + ", data in " + server.dataFile()
                + ": for trials and tests, not production (a MongoDB replica set is). Stop it with SIGTERM.");
        new CountDownLatch(1).await(); // until SIGTERM: the shutdown hook closes the store and ends the JVM
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new CommandFailed("--newsroom.store.port must be a port number, 0 to 65535, not '" + text + "'");
    }
}
