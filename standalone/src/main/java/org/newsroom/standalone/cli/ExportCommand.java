package org.newsroom.standalone.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.newsroom.eventlog.EventLogConfiguration;
import org.newsroom.eventlog.EventLogStorageEngine;
import org.newsroom.eventlog.export.CheckpointTrust;
import org.newsroom.eventlog.export.ExportRefused;
import org.newsroom.eventlog.export.ImportRefused;
import org.newsroom.eventlog.export.LogExport;
import org.newsroom.eventlog.export.LogImport;
import org.newsroom.eventlog.proof.NoteSigner;
import org.newsroom.eventlog.proof.NoteVerifier;
import org.newsroom.eventlog.proof.SigningKeys;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code export FILE}: the event log into an export file, from {@code MONGODB_URI} or from the embedded store in the
 * data directory. When a running instance holds that store, the export goes through its {@code GET
 * /admin/log/export} instead, as an operator. Either way the file is written beside {@code FILE}, verified as an
 * import would verify it (every checkpoint's root recomputed from the exported events; the signatures are an
 * importer's to check), and only then given its name, so that {@code FILE} is never a partial export. Reading the
 * store itself, the command signs a checkpoint of what it exported when it finds the installation's signing key.
 */
final class ExportCommand {

    static final String USAGE = "export FILE [--up-to=POSITION] [--url=http://localhost:8080]"
            + " [--user=operator[:PASSWORD]] [--key=<verifier key>]...";
    private static final Set<String> OPTIONS = Stream.concat(
                    Stream.of(
                            "up-to",
                            "url",
                            "user",
                            "newsroom.data-dir",
                            "newsroom.mongodb.uri",
                            "newsroom.mongodb.database",
                            "newsroom.demo-password",
                            "newsroom.operator-password"),
                    LogKeys.OPTIONS.stream())
            .collect(Collectors.toUnmodifiableSet());

    private ExportCommand() {}

    static void run(CommandLine line, PrintStream out) throws IOException {
        line.allowOnly(OPTIONS);
        Path file = line.file(USAGE);
        if (Files.exists(file)) {
            throw new CommandFailed(file + " exists; an export never overwrites a file: remove it or name another");
        }
        Path directory = file.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new CommandFailed("no directory " + directory + " to write " + file.getFileName() + " in");
        }
        StoreLocation store = StoreLocation.of(line);
        String upTo = line.option("up-to").orElse(null);
        Path partial = Files.createTempFile(directory, "." + file.getFileName(), ".partial");
        try {
            String source;
            String unsigned = null;
            if (!store.isMongoDb() && store.embeddedInUse()) {
                String url = line.option("url").orElse("http://localhost:8080");
                out.println("The data directory " + store.dataDir() + " is in use by a running instance;"
                        + " exporting through it at " + url);
                source = online(line, url, upTo, partial);
            } else {
                if (!store.isMongoDb() && !store.embeddedExists()) {
                    throw new CommandFailed("no embedded store in " + store.dataDir() + " (no "
                            + store.dataFile().getFileName() + "): set NEWSROOM_DATA_DIR to the data directory,"
                            + " or MONGODB_URI");
                }
                unsigned = offline(line, store, upTo, partial);
                source = store.describe();
            }
            LogImport.Verified verified;
            try {
                verified = LogImport.verify(partial, CheckpointTrust.rootsOnly());
            } catch (ImportRefused refused) {
                throw new CommandFailed("the export does not verify, so it was not kept: " + refused.getMessage());
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            out.println("Exported positions 1-" + verified.size() + " (" + verified.commits() + " commits, "
                    + verified.events() + " events of " + verified.aggregates() + " aggregates) from " + source
                    + " to " + file + "; verified: gap-free positions, every hash chain, the counts, the roots of its "
                    + verified.checkpoints() + " checkpoints.");
            out.println(coverage(verified, unsigned));
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** What the file's checkpoints speak for, and why no checkpoint was signed for the export if none was. */
    static String coverage(LogImport.Verified verified, @Nullable String unsigned) {
        String why = unsigned == null ? "" : " No checkpoint was signed for the export: " + unsigned + ".";
        if (verified.checkpoints() == 0) {
            return "The file holds no signed checkpoint: only its hash chains speak for its events." + why;
        }
        if (verified.coveredByCheckpoint() >= verified.size()) {
            return "Signed checkpoints cover positions 1-" + verified.size() + "." + why;
        }
        return "Signed checkpoints cover positions 1-" + verified.coveredByCheckpoint() + "; positions "
                + (verified.coveredByCheckpoint() + 1) + "-" + verified.size() + " have their hash chains only." + why;
    }

    /** Exports the stopped store or MONGODB_URI's; answers why no checkpoint was signed for it, if none was. */
    private static @Nullable String offline(CommandLine line, StoreLocation store, @Nullable String upTo, Path target)
            throws IOException {
        Optional<NoteSigner> key = LogKeys.signingKey(line, store);
        List<NoteVerifier> given = LogKeys.given(line);
        try (MongoConnection connection = store.open();
                EventLogStorageEngine log = EventLogConfiguration.engineFor(connection.database());
                OutputStream out = Files.newOutputStream(target)) {
            LogExport export = new LogExport(
                    log,
                    connection.database(),
                    key.map(signer -> new LogExport.Signing(signer, LogKeys.trusted(given, key)))
                            .orElse(null),
                    Clock.systemUTC());
            long size;
            try {
                size = export.size(upTo);
            } catch (ExportRefused refused) {
                throw new CommandFailed(refused.getMessage());
            }
            LogExport.Written written = export.write(size, out);
            if (key.isEmpty() && written.size() > written.latestCheckpointSize()) {
                return "this command holds no signing key (newsroom.transparency.signing-key-file, "
                        + SigningKeys.ENVIRONMENT
                        + (store.isMongoDb() ? "" : ", or " + SigningKeys.GENERATED_FILE + " in the data directory")
                        + ")";
            }
            return written.notSigned();
        }
    }

    /** Through the running instance's route; its problem answer, if it refuses, says why. */
    private static String online(CommandLine line, String url, @Nullable String upTo, Path target) throws IOException {
        String user = line.option("user").orElse("operator");
        String credentials = user.contains(":")
                ? user
                : user + ":"
                        + line.setting("newsroom.operator-password", "NEWSROOM_OPERATOR_PASSWORD")
                                .orElseGet(() ->
                                        line.setting("newsroom.demo-password", "NEWSROOM_DEMO_PASSWORD", "newsroom"));
        URI route;
        try {
            route = URI.create(url.replaceAll("/+$", "") + "/admin/log/export"
                    + (upTo == null ? "" : "?upTo=" + URLEncoder.encode(upTo, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new CommandFailed("--url=" + url + " is not a URL: " + e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(route)
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/gzip, application/problem+json")
                .GET()
                .build();
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        HttpResponse<Path> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofFile(target));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CommandFailed("nothing answers at " + url + " (" + e + "); give the running instance's address"
                    + " with --url=http://host:port");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailed("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new CommandFailed(refusal(url, response.statusCode(), target, user));
        }
        return "the running instance at " + url;
    }

    private static String refusal(String url, int status, Path body, String user) {
        String detail;
        try {
            JsonNode problem = new ObjectMapper().readTree(Files.readString(body));
            detail = problem.path("code").asText("") + ": "
                    + problem.path("detail").asText("");
        } catch (IOException | RuntimeException e) {
            detail = "(no problem description)";
        }
        String hint = switch (status) {
            case 401 -> "; check the password (--user=NAME:PASSWORD, or NEWSROOM_OPERATOR_PASSWORD)";
            case 403 -> "; user '" + user.split(":", 2)[0] + "' is not an operator";
            case 404 -> "; is it a Newsroom instance of this version?";
            default -> "";
        };
        return url + " answered " + status + " " + detail + hint;
    }
}
