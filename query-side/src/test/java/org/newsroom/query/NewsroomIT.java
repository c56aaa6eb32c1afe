package org.newsroom.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.newsroom.command.dispatch.CommandOutcome;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What end-to-end tests do against a running application: send commands as someone, read over HTTP. */
public abstract class NewsroomIT {

    /** The role the operations endpoint is read with; see docs/query-api.md. */
    protected static final String OPERATOR = "operator";

    @Autowired
    protected CommandGateway commands;

    @Autowired
    protected EventLogStorageEngine engine;

    @LocalServerPort
    private int port;

    protected Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** Sends a command as {@code actor} and answers the global position the log has reached since. */
    protected long send(String actor, Object command) {
        return outcome(actor, command).position();
    }

    protected <R> R sendFor(String actor, Object command) {
        @SuppressWarnings("unchecked")
        R result = (R) outcome(actor, command).result();
        return result;
    }

    private CommandOutcome outcome(String actor, Object command) {
        return commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of("actor", actor)));
    }

    /** A fresh directory, removed when the test JVM exits. */
    public static Path temporaryDirectory(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory)));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
