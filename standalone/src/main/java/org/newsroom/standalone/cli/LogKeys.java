package org.newsroom.standalone.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.newsroom.eventlog.proof.NoteSigner;
import org.newsroom.eventlog.proof.NoteVerifier;
import org.newsroom.eventlog.proof.SigningKeys;

/**
 * The transparency log's identity and keys as the application reads them ({@code newsroom.transparency.origin}, the
 * signing key from {@code newsroom.transparency.signing-key-file}, {@code NEWSROOM_SIGNING_KEY} or the key generated
 * into the data directory), for the commands that sign or check checkpoints; a command never generates a key.
 */
final class LogKeys {

    static final String DEFAULT_ORIGIN = "newsroom.example/log";
    static final Set<String> OPTIONS =
            Set.of("key", "newsroom.transparency.origin", "newsroom.transparency.signing-key-file");

    private LogKeys() {}

    static String origin(CommandLine line) {
        return line.setting("newsroom.transparency.origin", "NEWSROOM_TRANSPARENCY_ORIGIN", DEFAULT_ORIGIN);
    }

    /** The installation's signing key, if it has one where the application would find it. */
    static Optional<NoteSigner> signingKey(CommandLine line, StoreLocation store) {
        try {
            return SigningKeys.existing(
                    origin(line),
                    line.setting("newsroom.transparency.signing-key-file", "NEWSROOM_TRANSPARENCY_SIGNING_KEY_FILE")
                            .orElse(null),
                    line.environment(SigningKeys.ENVIRONMENT).orElse(null),
                    store.isMongoDb() ? null : store.dataDir());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new CommandFailed(e.getMessage(), e);
        }
    }

    /** The verifier keys given with {@code --key} (several allowed), each checked. */
    static List<NoteVerifier> given(CommandLine line) {
        List<NoteVerifier> keys = new ArrayList<>();
        for (String vkey : line.options("key")) {
            try {
                keys.add(NoteVerifier.parse(vkey));
            } catch (IllegalArgumentException e) {
                throw new CommandFailed("--key: " + e.getMessage(), e);
            }
        }
        return keys;
    }

    /** The given keys, then the signing key's verifier if it is not among them. */
    static List<NoteVerifier> trusted(List<NoteVerifier> given, Optional<NoteSigner> own) {
        List<NoteVerifier> keys = new ArrayList<>(given);
        own.map(NoteSigner::verifier).filter(key -> !keys.contains(key)).ifPresent(keys::add);
        return keys;
    }
}
