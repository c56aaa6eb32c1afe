package org.newsroom.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared context of the query side's end-to-end tests: both sides in one application on a random port, the
 * embedded MongoDB on its durable H2 file in a fresh directory. Subclasses add nothing to the configuration, so
 * Spring starts it once for all of them. Articles are told apart by id.
 */
@SpringBootTest(classes = QueryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"newsroom.query.wait-timeout=1s", "spring.main.banner-mode=off",
                "management.endpoints.web.exposure.include=health,prometheus,projections"})
@AutoConfigureObservability(tracing = false)
public abstract class QuerySideIT {

    /** The role the operations endpoint is read with; see docs/query-api.md. */
    protected static final String OPERATOR = "editor";

    private static final Path DATA_DIR = temporaryDirectory("newsroom-query-it");

    @Autowired
    protected CommandGateway commands;
    @Autowired
    protected EventLogStorageEngine engine;
    @LocalServerPort
    private int port;
    protected Http http;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("newsroom.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** Sends a command as {@code actor} and answers the global position the log has reached since. */
    protected long send(String actor, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of("actor", actor)));
        return engine.knownHeadPosition();
    }

    protected <R> R sendFor(String actor, Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of("actor", actor)));
    }

    public static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
