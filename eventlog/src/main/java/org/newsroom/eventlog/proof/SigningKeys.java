package org.newsroom.eventlog.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Where the checkpoint signing key comes from; never from the database, whose writers the signature guards against.
 * <ol>
 *   <li>{@code newsroom.transparency.signing-key-file}: a PKCS#8 PEM ({@code openssl genpkey -algorithm ed25519}),
 *       or a file of exactly the 32 raw bytes of the Ed25519 private key;</li>
 *   <li>else the environment variable {@code NEWSROOM_SIGNING_KEY}: the PEM text, or the 32 bytes in base64;</li>
 *   <li>else, for the embedded default only, {@value #GENERATED_FILE} in the data directory, generated on first
 *       start with owner-only permissions (in memory when the embedded store keeps nothing);</li>
 *   <li>else (a real MongoDB and no key) the application does not start.</li>
 * </ol>
 */
public final class SigningKeys {

    public static final String GENERATED_FILE = "transparency-signing-key.pem";
    public static final String ENVIRONMENT = "NEWSROOM_SIGNING_KEY";

    private SigningKeys() {}

    /** The key and where it came from, said in words for the start-up log. */
    public record Loaded(NoteSigner signer, String source, boolean generated) {}

    public static Loaded load(
            String name,
            @Nullable String keyFile,
            @Nullable String environmentKey,
            boolean embedded,
            @Nullable Path dataDirectory) {
        if (keyFile != null && !keyFile.isBlank()) {
            return new Loaded(fromFile(name, Path.of(keyFile)), "file " + keyFile, false);
        }
        if (environmentKey != null && !environmentKey.isBlank()) {
            return new Loaded(fromText(name, environmentKey), "environment variable " + ENVIRONMENT, false);
        }
        if (!embedded) {
            throw new IllegalStateException("No checkpoint signing key: with a MongoDB of its own (MONGODB_URI) the"
                    + " transparency log needs its Ed25519 signing key kept outside the database. Set"
                    + " newsroom.transparency.signing-key-file to a PKCS#8 PEM (openssl genpkey -algorithm ed25519"
                    + " -out key.pem) or NEWSROOM_SIGNING_KEY to its text; see docs/transparency.md.");
        }
        if (dataDirectory == null) {
            return new Loaded(
                    NoteSigner.generate(name), "generated in memory (the embedded store keeps nothing)", true);
        }
        Path file = dataDirectory.resolve(GENERATED_FILE);
        if (Files.exists(file)) {
            return new Loaded(fromFile(name, file), "file " + file, false);
        }
        NoteSigner generated = NoteSigner.generate(name);
        writeOwnerOnly(file, generated.pkcs8Pem());
        return new Loaded(generated, "generated into " + file, true);
    }

    public static NoteSigner fromFile(String name, Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the checkpoint signing key file " + file + ": " + e, e);
        }
        if (content.length == 32) {
            return NoteSigner.fromSeed(name, content);
        }
        return fromText(name, new String(content, StandardCharsets.US_ASCII));
    }

    /** A PKCS#8 PEM, or the 32-byte private key in standard base64. */
    public static NoteSigner fromText(String name, String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("-----BEGIN PRIVATE KEY-----")) {
                String body = trimmed.replace("-----BEGIN PRIVATE KEY-----", "")
                        .replace("-----END PRIVATE KEY-----", "")
                        .replaceAll("\\s", "");
                return NoteSigner.fromPkcs8(name, Base64.getDecoder().decode(body));
            }
            return NoteSigner.fromSeed(name, Base64.getDecoder().decode(trimmed));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the checkpoint signing key is neither a PKCS#8 Ed25519 PEM nor 32 bytes in base64: "
                            + e.getMessage(),
                    e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
                file.toFile().setReadable(false, false);
                file.toFile().setWritable(false, false);
                file.toFile().setReadable(true, true);
                file.toFile().setWritable(true, true);
            }
            Files.writeString(file, content, StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("another process created " + file + " at the same time; start again", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated signing key to " + file, e);
        }
    }
}
