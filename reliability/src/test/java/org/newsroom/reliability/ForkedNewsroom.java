package org.newsroom.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real standalone jar in a process of its own, on the port it keeps across restarts: started and waited for,
 * killed with SIGKILL, stopped, started again with the same or other arguments. By default on the embedded MongoDB
 * with its data in a given directory; {@link #withEnvironment} can point it at a MongoDB of the test's instead.
 * Clients that lose it can {@link #awaitRunning wait} until it answers again.
 * <p>
 * The suite starts the jar some thirty times, so it starts it the fast way Spring Boot supports: extracted once per
 * test JVM and run with a class-data-sharing archive from one training run (about 5 s to healthy instead of 7 on
 * this machine); the very same code, only loaded faster. If that preparation fails, the jar runs as it is.
 * <p>
 * A scenario that needs one of the suite's {@link #FAULTS faults} in the process {@linkplain #withFaults() runs the
 * jar itself} with Spring Boot's {@code PropertiesLauncher} and the faults jar on its loader path instead.
 */
final class ForkedNewsroom implements Availability, AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("newsroom.jar", "../standalone/target/newsroom.jar"));
    /** The suite's faults (org.newsroom.reliability.faults), built from its test classes; each off by default. */
    static final Path FAULTS = Path.of(System.getProperty("newsroom.faults.jar", "target/reliability-faults.jar"));

    private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final List<String> JVM = List.of(
            "-Xmx384m",
            "-Xss512k",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Daxoniq.update-checker.disabled=true");

    private final Path dataDir;
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final int port;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Duration> startups = new ArrayList<>();
    private boolean withFaults;
    private volatile Process process;
    private volatile CountDownLatch running = new CountDownLatch(1);
    private final AtomicInteger kills = new AtomicInteger();

    /**
     * The key that seals webhook secrets, for starts with {@code MONGODB_URI}: there the application refuses to start
     * without one (the embedded default generates its own).
     */
    static final String WEBHOOK_KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

    ForkedNewsroom(Path dataDir, String... arguments) {
        this.dataDir = dataDir;
        this.arguments.addAll(List.of(arguments));
        this.port = freePort();
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    /**
     * A checkpoint signing key (32 bytes in base64) for starts against a MongoDB of the test's, where the jar needs
     * one ({@code NEWSROOM_SIGNING_KEY}); the embedded default generates its own.
     */
    static final String TEST_SIGNING_KEY = "bmV3c3Jvb20tcmVsaWFiaWxpdHktc3VpdGUta2V5ISE=";

    /** Environment variables of the next starts (e.g. {@code MONGODB_URI}). */
    ForkedNewsroom withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Runs the next starts with the suite's faults on the loader path:
     * {@code java -cp newsroom.jar -Dloader.path=<faults jar> org.springframework.boot.loader.launch.PropertiesLauncher}.
     * A fault stays off until its property is among the {@linkplain #withArguments arguments}.
     */
    ForkedNewsroom withFaults() {
        if (!Files.isRegularFile(FAULTS)) {
            throw new IllegalStateException(
                    "build the faults jar first (mvn package in reliability): " + FAULTS.toAbsolutePath());
        }
        withFaults = true;
        return this;
    }

    /** Replaces the command-line arguments of the next starts. */
    ForkedNewsroom withArguments(String... replacement) {
        arguments.clear();
        arguments.addAll(List.of(replacement));
        return this;
    }

    ForkedNewsroom start() {
        return start(true);
    }

    /** Starts the process and, if asked, waits until {@code /actuator/health} answers UP. */
    ForkedNewsroom start(boolean waitUntilHealthy) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("build the standalone jar first: " + JAR.toAbsolutePath());
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM);
        if (withFaults) {
            command.addAll(List.of(
                    "-cp",
                    JAR.toAbsolutePath().toString(),
                    "-Dloader.path=" + FAULTS.toAbsolutePath(),
                    PROPERTIES_LAUNCHER));
        } else {
            command.addAll(Launch.JAR);
        }
        command.addAll(List.of("--server.port=" + port, "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("NEWSROOM_DATA_DIR", dataDir.toString());
        builder.environment().remove("MONGODB_URI");
        builder.environment().putAll(environment);
        long began = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (waitUntilHealthy) {
            Process started = process;
            await().atMost(STARTUP)
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("the process died; see " + log, () -> !started.isAlive())
                    .until(this::healthy);
            startups.add(Duration.ofNanos(System.nanoTime() - began));
            running.countDown();
        }
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. Safe to call from any thread. */
    synchronized void kill9() {
        running = new CountDownLatch(1);
        process.destroyForcibly();
        waitForExit();
        kills.incrementAndGet();
    }

    /** SIGTERM: a graceful shutdown. */
    void stop() {
        running = new CountDownLatch(1);
        process.destroy();
        waitForExit();
    }

    void restart() {
        stop();
        start();
    }

    /** Blocks until the process answers again after a kill or stop; false if it did not within the timeout. */
    @Override
    public boolean awaitRunning(Duration timeout) {
        try {
            return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Started and found healthy, and neither killed nor stopped since: what a load balancer's health check says. */
    boolean isRunning() {
        return running.getCount() == 0 && isAlive();
    }

    /** The process id of the current start, which the application puts into its instance names. */
    long pid() {
        return process.pid();
    }

    boolean healthy() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri("/actuator/health"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int port() {
        return port;
    }

    int kills() {
        return kills.get();
    }

    /** How long each start took until the process was healthy. */
    List<Duration> startups() {
        return List.copyOf(startups);
    }

    Path dataDir() {
        return dataDir;
    }

    Path log() {
        return log;
    }

    /** The process's output so far. */
    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill9();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How to run the jar: extracted, with a class-data-sharing archive, prepared once per test JVM. */
    private static final class Launch {

        static final List<String> JAR = prepare();

        private static List<String> prepare() {
            Path jar = ForkedNewsroom.JAR.toAbsolutePath();
            try {
                Path base = Files.createDirectories(Path.of("target", "reliability"))
                        .toAbsolutePath();
                Path dir = Files.createTempDirectory(base, "app-");
                Path extracted = dir.resolve("app");
                run(
                        List.of(
                                javaExecutable(),
                                "-Djarmode=tools",
                                "-jar",
                                jar.toString(),
                                "extract",
                                "--destination",
                                extracted.toString()),
                        dir.resolve("extract.log"),
                        Map.of());
                Path app = extracted.resolve(jar.getFileName());
                Path archive = dir.resolve("newsroom.jsa");
                List<String> training = new ArrayList<>(List.of(javaExecutable()));
                training.addAll(JVM);
                training.addAll(List.of(
                        "-XX:ArchiveClassesAtExit=" + archive,
                        "-Dspring.context.exit=onRefresh",
                        "-jar",
                        app.toString(),
                        "--server.port=0",
                        "--spring.main.banner-mode=off"));
                run(
                        training,
                        dir.resolve("training.log"),
                        Map.of("NEWSROOM_DATA_DIR", dir.resolve("training-data").toString()));
                if (Files.isRegularFile(archive)) {
                    return List.of(
                            "-XX:SharedArchiveFile=" + archive,
                            "-Xlog:cds=off",
                            "-Xlog:cds+dynamic=off",
                            "-jar",
                            app.toString());
                }
                return List.of("-jar", app.toString());
            } catch (IOException | RuntimeException e) {
                System.out.println("[reliability] running the jar as it is: " + e);
                return List.of("-jar", jar.toString());
            }
        }

        private static void run(List<String> command, Path log, Map<String, String> environment) throws IOException {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("MONGODB_URI");
            builder.environment().putAll(environment);
            Process process = builder.start();
            try {
                if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IOException(command + " failed; see " + log);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** How the jar is run (extracted, with the class-data-sharing archive when it could be made): for its commands. */
    static List<String> launch() {
        return Launch.JAR;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
