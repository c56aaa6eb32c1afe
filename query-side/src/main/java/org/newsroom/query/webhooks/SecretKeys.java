package org.newsroom.query.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key of the {@link SecretBox} comes from, first match wins: {@code newsroom.webhooks.secret-key} or the
 * environment variable {@code NEWSROOM_WEBHOOK_KEY} (base64 of 32 bytes); the file {@code
 * newsroom.webhooks.secret-key-file}; for the embedded default only, {@code webhook-secret.key} in its data directory,
 * generated on first start, readable by its owner only (in memory, a key for this run). With a MongoDB of one's own
 * and no key, the application does not start: generating one there would give each instance a different key.
 */
final class SecretKeys {

    static final String KEY_FILE = "webhook-secret.key";
    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Where the embedded default keeps its data, when it is the store. */
    record Embedded(@Nullable Path dataDir) {}

    private SecretKeys() {}

    static SecretBox load(
            @Nullable String key, @Nullable Path keyFile, List<String> previousKeys, @Nullable Embedded embedded) {
        List<byte[]> previous = previousKeys.stream()
                .filter(text -> !text.isBlank())
                .map(text -> decode(text, "newsroom.webhooks.previous-secret-keys"))
                .toList();
        if (key != null && !key.isBlank()) {
            return new SecretBox(decode(key, "newsroom.webhooks.secret-key / NEWSROOM_WEBHOOK_KEY"), previous);
        }
        if (keyFile != null) {
            if (!Files.isRegularFile(keyFile)) {
                throw new IllegalStateException("newsroom.webhooks.secret-key-file names " + keyFile.toAbsolutePath()
                        + ", which does not exist; write the base64 of 32 random bytes there"
                        + " (openssl rand -base64 32), readable by this user only");
            }
            return new SecretBox(read(keyFile), previous);
        }
        if (embedded == null) {
            throw new IllegalStateException("Webhook secrets are encrypted at rest, and no key is configured: set"
                    + " NEWSROOM_WEBHOOK_KEY (or newsroom.webhooks.secret-key) to the base64 of 32 random bytes"
                    + " (openssl rand -base64 32), or newsroom.webhooks.secret-key-file to a file holding it, the same"
                    + " on every instance. With MONGODB_URI set, no key is generated.");
        }
        if (embedded.dataDir() == null) {
            log.info("Webhook secrets are sealed under a key made for this run: the embedded store is in memory");
            return new SecretBox(random(), previous);
        }
        return new SecretBox(readOrCreate(embedded.dataDir().resolve(KEY_FILE)), previous);
    }

    private static byte[] readOrCreate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            byte[] key = random();
            try {
                if (isPosix(file.getParent())) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                    ownerOnly(file);
                }
            } catch (FileAlreadyExistsException existing) {
                return read(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            log.warn(
                    "Generated the key that seals webhook secrets: {} (readable by this user only). Back it up with"
                            + " the data directory: without it no webhook can be signed. In production set"
                            + " NEWSROOM_WEBHOOK_KEY instead.",
                    file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the webhook secret key file " + file.toAbsolutePath(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            if (isPosix(file)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (!OWNER_ONLY.containsAll(permissions)) {
                    log.warn(
                            "{} was readable by others ({}); it is now readable by its owner only",
                            file.toAbsolutePath(),
                            PosixFilePermissions.toString(permissions));
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                }
            }
            return decode(
                    Files.readString(file, StandardCharsets.US_ASCII),
                    file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the webhook secret key file " + file.toAbsolutePath(), e);
        }
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    private static void ownerOnly(Path file) {
        java.io.File plain = file.toFile();
        boolean narrowed = plain.setReadable(false, false)
                && plain.setReadable(true, true)
                && plain.setWritable(false, false)
                && plain.setWritable(true, true);
        if (!narrowed) {
            log.warn("Could not make {} readable by its owner only", file.toAbsolutePath());
        }
    }

    private static byte[] decode(String text, String source) {
        try {
            byte[] key = Base64.getDecoder().decode(text.trim());
            if (key.length != 32) {
                throw new IllegalStateException(
                        source + " must hold the base64 of 32 bytes (openssl rand -base64 32), not of " + key.length);
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64 (openssl rand -base64 32 makes a key)", e);
        }
    }

    private static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
