package org.newsroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** What the scenarios share: the long/short switch, where their data and logs go, webhook registration, reporting. */
final class Scenarios {

    /** {@code -Dreliability.long=true}: more kills, longer outages, more load. */
    static final boolean LONG = Boolean.getBoolean("reliability.long");

    private Scenarios() {}

    /**
     * A fresh data directory under {@code target/reliability}, kept after the run with the process's log beside it
     * ({@code data.log}) for whoever needs to read what happened.
     */
    static Path dataDir(String scenario) {
        try {
            Path base = Files.createDirectories(Path.of("target", "reliability"));
            return Files.createTempDirectory(base, scenario + "-")
                    .resolve("data")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers a webhook for {@code receiver} (all event types unless some are given) and hands it its secret. */
    static Invariants.Hook register(
            Http http, WebhookReceiver receiver, Duration senderTimeout, boolean active, String... types) {
        Map<String, Object> body = types.length == 0
                ? Map.of("url", receiver.url())
                : Map.of("url", receiver.url(), "types", List.of(types));
        Http.Reply reply = http.post("/api/webhooks", "integrator", body);
        assertThat(reply.status()).as("webhook registration: %s", reply).isEqualTo(201);
        JsonNode registered = reply.json();
        receiver.secret(registered.path("secret").asText());
        return new Invariants.Hook(
                receiver,
                registered.path("id").asText(),
                registered.path("position").asLong(),
                Set.of(types),
                active,
                senderTimeout);
    }

    /**
     * Arguments that configure one user per role, named after it, with the suite's password: a MongoDB of the test's
     * ({@code MONGODB_URI}) comes without the demo users.
     */
    static String[] configuredUsers() {
        List<String> arguments = new ArrayList<>();
        String[] users = {"reporter", "editor", "auditor", "integrator", "operator"};
        for (int i = 0; i < users.length; i++) {
            arguments.add("--newsroom.users[" + i + "].name=" + users[i]);
            arguments.add("--newsroom.users[" + i + "].password={noop}" + Http.PASSWORD);
            arguments.add("--newsroom.users[" + i + "].roles=" + users[i]);
        }
        return arguments.toArray(String[]::new);
    }

    /** One line of what a scenario did, for RELIABILITY.md. */
    static void report(String scenario, String line) {
        System.out.println("[" + scenario + "] " + line);
    }

    static String describe(Ledger ledger) {
        return ledger.attemptedCount() + " writes attempted, outcomes " + ledger.outcomes();
    }

    static String describeStartups(ForkedNewsroom newsroom) {
        return newsroom.startups().stream()
                .map(duration -> duration.toMillis() / 100 / 10.0 + " s")
                .collect(Collectors.joining(", ", "startups [", "]"));
    }
}
