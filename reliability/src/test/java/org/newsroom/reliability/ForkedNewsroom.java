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
import java.util.List;

/**
 * The real standalone jar in a process of its own, on the embedded default with its data in a given directory:
 * started, waited for, killed with SIGKILL, restarted.
 */
final class ForkedNewsroom implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("newsroom.jar", "../standalone/target/newsroom.jar"));

    private final Path dataDir;
    private final List<String> arguments;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    ForkedNewsroom(Path dataDir, String... arguments) {
        this.dataDir = dataDir;
        this.arguments = List.of(arguments);
        this.port = freePort();
    }

    ForkedNewsroom start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("build the standalone jar first: " + JAR.toAbsolutePath());
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC",
                "-Daxoniq.update-checker.disabled=true", "-jar", JAR.toAbsolutePath().toString(),
                "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()));
        builder.environment().put("NEWSROOM_DATA_DIR", dataDir.toString());
        builder.environment().remove("MONGODB_URI");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts++;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .failFast("the process died", () -> !process.isAlive())
                .until(this::healthy);
        return this;
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    void kill9() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean healthy() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
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

    int starts() {
        return starts;
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill9();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
