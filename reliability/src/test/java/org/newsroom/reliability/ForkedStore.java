package org.newsroom.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The jar's {@code store} command in a process of its own: the embedded MongoDB-compatible server on a free port,
 * with its data directory, for several instances to share ({@code MONGODB_URI}). Stopped with SIGTERM, on which it
 * closes its store and exits with 0.
 */
final class ForkedStore implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Process process;
    private int exitCode = -1;

    private ForkedStore(Path dataDir) {
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.port = ForkedNewsroom.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        command.addAll(ForkedNewsroom.launch());
        command.addAll(List.of("store", "--newsroom.store.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("MONGODB_URI");
        builder.environment().put("NEWSROOM_DATA_DIR", dataDir.toString());
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code java -jar newsroom.jar store} on a free port and waits until it says it listens. */
    static ForkedStore start(Path dataDir) {
        ForkedStore store = new ForkedStore(dataDir);
        await().atMost(STARTUP)
                .pollInterval(Duration.ofMillis(100))
                .failFast("the store died; see " + store.log, () -> !store.process.isAlive())
                .until(() -> store.output().contains("Newsroom store listening on"));
        return store;
    }

    /** The address instances connect to, with the database they use. */
    String uri() {
        return "mongodb://127.0.0.1:" + port + "/newsroom";
    }

    Path dataDir() {
        return dataDir;
    }

    Path log() {
        return log;
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exit code of the SIGTERM that {@link #close()} sent; -1 before. */
    int exitCode() {
        return exitCode;
    }

    /** SIGTERM, as its help says: it closes the store and exits with 0. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            exitCode = process.exitValue();
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            exitCode = process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
