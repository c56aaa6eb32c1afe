package org.newsroom.benchmarks;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real standalone jar in a JVM of its own, exactly as the README runs it, on a free loopback port and a given data
 * directory; its output goes to {@code <out>/<name>.log}. Its heap is read with {@code jcmd} after {@code GC.run}.
 */
final class ForkedApp implements RunningApp {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final URI base;

    private ForkedApp(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    static Launcher launcher(Path jar, Path logDirectory, String jvmArgs) {
        return (dataDir, name) -> start(jar, dataDir, logDirectory.resolve(name + ".log"), jvmArgs);
    }

    static ForkedApp start(Path jar, Path dataDir, Path log, String jvmArgs) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first with "
                    + "./mvnw -B -q -pl standalone,benchmarks -am -DskipTests package");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(jvmArgs.split(" ")).filter(arg -> !arg.isBlank()).forEach(command::add);
        command.addAll(List.of(
                "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--newsroom.data-dir=" + dataDir.toAbsolutePath()));
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        // a benchmark stopped with Ctrl-C or kill takes its application down with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        ForkedApp app = new ForkedApp(process, URI.create("http://127.0.0.1:" + port));
        Http http = new Http(app.base);
        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the application exited; see " + log);
                        }
                        return http.get("/actuator/health", null).status() == 200;
                    });
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    @Override
    public URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public long heapUsedAfterFullGc() throws Exception {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no heap usage");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private String jcmd(String what) throws Exception {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(process.pid()),
                        what)
                .redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + what + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
