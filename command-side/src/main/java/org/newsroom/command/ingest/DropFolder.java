package org.newsroom.command.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.newsroom.command.article.ArticleRuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classic agency delivery: files dropped (over FTP/SFTP) into a directory. At least once, never twice: a file is
 * read once it has been left unchanged for {@code stableAfter} (never a {@code .tmp} or hidden file), claimed by an
 * atomic move into {@code processing/<instance>/} (an instance that loses the race to another simply finds it gone),
 * ingested (idempotently by agency, uri and version), then moved to {@code done/}; one the ingest refuses goes to
 * {@code rejected/} with {@code <name>.reason.txt}. A failure that is not the item's fault (MongoDB away) leaves it
 * claimed; a claim older than {@code claimTimeout} (its instance died, or failed) is returned to the folder by whoever
 * sees it, and read again: the idempotency of the ingest makes the second reading complete the first, not repeat it.
 * <p>
 * A {@link org.newsroom.command.PeriodicTask} calls {@link #poll()}; who holds a file is where the file is, on the
 * shared folder, not in memory.
 */
public final class DropFolder {

    private static final Logger log = LoggerFactory.getLogger(DropFolder.class);

    private final AgencyIngest ingest;
    private final Path folder;
    private final Path processing;
    private final Path done;
    private final Path rejected;
    private final IngestSettings settings;
    private final Clock clock;

    public DropFolder(AgencyIngest ingest, Path folder, String instance, IngestSettings settings, Clock clock) {
        this.ingest = ingest;
        this.folder = folder;
        this.processing = folder.resolve("processing").resolve(instance.replaceAll("[^A-Za-z0-9._-]", "_"));
        this.done = folder.resolve("done");
        this.rejected = folder.resolve("rejected");
        this.settings = settings;
        this.clock = clock;
    }

    /** One look at the folder: returns stale claims, then claims and ingests every stable file. Answers how many. */
    public int poll() {
        try {
            Files.createDirectories(processing);
            Files.createDirectories(done);
            Files.createDirectories(rejected);
            returnStaleClaims();
            int handled = 0;
            for (Path file : stableFiles()) {
                Path claimed = claim(file);
                if (claimed != null) {
                    handle(claimed);
                    handled++;
                }
            }
            return handled;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private List<Path> stableFiles() throws IOException {
        Instant settled = clock.instant().minus(settings.stableAfter());
        List<Path> stable = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file) || name.startsWith(".") || name.endsWith(".tmp")) {
                    continue;
                }
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(settled)) {
                        stable.add(file);
                    }
                } catch (NoSuchFileException claimedMeanwhile) {
                    // another instance took it between the listing and the look
                }
            }
        }
        stable.sort(null);
        return stable;
    }

    /** The claimed file, or null when another instance claimed it first. */
    private Path claim(Path file) throws IOException {
        Path claimed = processing.resolve(file.getFileName());
        try {
            Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException | FileAlreadyExistsException taken) {
            return null;
        } catch (AtomicMoveNotSupportedException notOneFileSystem) {
            throw new IOException(
                    "the drop folder's processing/ must be on the folder's file system", notOneFileSystem);
        }
        // the claim's age is the file's time from now on: a claim left too long is returned to the folder
        Files.setLastModifiedTime(claimed, FileTime.from(clock.instant()));
        return claimed;
    }

    private void handle(Path claimed) throws IOException {
        String name = claimed.getFileName().toString();
        try {
            IngestReceipt receipt = ingest.ingest(Files.readAllBytes(claimed), contentType(name));
            move(claimed, done.resolve(name));
            log.info(
                    "Ingested {} from the drop folder: {} {} version {} -> {}",
                    name,
                    receipt.source(),
                    receipt.itemUri(),
                    receipt.itemVersion(),
                    receipt.state());
        } catch (InvalidAgencyItem invalid) {
            reject(claimed, invalid.where() + ": " + invalid.getMessage());
        } catch (ArticleRuleViolation refused) {
            reject(claimed, refused.code() + ": " + refused.getMessage());
        } catch (RuntimeException notTheItemsFault) {
            log.warn(
                    "Could not ingest {}; it is returned to the folder after {}",
                    name,
                    settings.claimTimeout(),
                    notTheItemsFault);
        }
    }

    private void reject(Path claimed, String reason) throws IOException {
        String name = claimed.getFileName().toString();
        Files.writeString(rejected.resolve(name + ".reason.txt"), reason + "\n", StandardCharsets.UTF_8);
        move(claimed, rejected.resolve(name));
        log.warn("Rejected {} from the drop folder: {}", name, reason);
    }

    /** Claims older than the timeout, of any instance, go back to the folder to be read again. */
    private void returnStaleClaims() throws IOException {
        Path claims = processing.getParent();
        Instant stale = clock.instant().minus(settings.claimTimeout());
        try (DirectoryStream<Path> instances = Files.newDirectoryStream(claims)) {
            for (Path instance : instances) {
                if (!Files.isDirectory(instance)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(instance)) {
                    for (Path file : files) {
                        try {
                            if (Files.getLastModifiedTime(file).toInstant().isBefore(stale)) {
                                Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                                log.warn(
                                        "Returned {} to the drop folder: its claim by {} timed out",
                                        file.getFileName(),
                                        instance.getFileName());
                            }
                        } catch (NoSuchFileException | FileAlreadyExistsException takenMeanwhile) {
                            // another instance returned it, or a new delivery of the same name is waiting
                        }
                    }
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String contentType(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".xml") ? "application/xml" : "application/json";
    }
}
