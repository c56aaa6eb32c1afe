package org.newsroom.eventlog.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, then signature lines
 * {@code — <key name> base64(4-byte key ID ‖ signature)}. Only Ed25519 signatures (type 0x01) are made and checked;
 * signatures of unknown keys (a witness's cosignature, a key we do not hold) are ignored, as the spec requires.
 */
public final class SignedNote {

    static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    private SignedNote() {}

    /** The note of {@code text} (which ends in a newline) signed by {@code signer}. */
    public static String sign(String text, NoteSigner signer) {
        checkText(text);
        byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] keyed = ByteBuffer.allocate(4 + signature.length)
                .putInt(signer.verifier().keyId())
                .put(signature)
                .array();
        return text + "\n" + SIGNATURE_PREFIX + signer.name() + " "
                + Base64.getEncoder().encodeToString(keyed) + "\n";
    }

    /**
     * The text of a note that a known key signed: every signature of a known key (same name and key ID) must verify
     * and at least one must be there; other signatures are ignored.
     */
    public static String open(String note, Collection<NoteVerifier> known) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new InvalidNote("a signed note is a text, a blank line and signature lines");
        }
        String text = note.substring(0, split + 1);
        checkText(text);
        String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new InvalidNote("the note has more than " + MAX_SIGNATURES + " signatures");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteVerifier> verified = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new InvalidNote("not a signature line: '" + line + "'");
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            if (parts.length != 2 || !NoteVerifier.validName(parts[0])) {
                throw new InvalidNote("a signature line is '— <key name> <base64 signature>', not '" + line + "'");
            }
            byte[] keyed;
            try {
                keyed = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new InvalidNote("the signature of " + parts[0] + " is not base64");
            }
            if (keyed.length < 5) {
                throw new InvalidNote("the signature of " + parts[0] + " is too short");
            }
            int keyId = ByteBuffer.wrap(keyed, 0, 4).getInt();
            byte[] signature = Arrays.copyOfRange(keyed, 4, keyed.length);
            for (NoteVerifier key : known) {
                if (key.name().equals(parts[0]) && key.keyId() == keyId) {
                    if (!key.verifies(message, signature)) {
                        throw new InvalidNote("the signature of " + key.vkey() + " does not verify");
                    }
                    verified.add(key);
                }
            }
        }
        if (verified.isEmpty()) {
            throw new InvalidNote("the note carries no signature of a known key");
        }
        return text;
    }

    private static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new InvalidNote("a note's text ends in a newline");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new InvalidNote("a note holds no control characters other than newline");
        }
    }

    /** A note that is malformed or that no known key signed. */
    public static final class InvalidNote extends RuntimeException {
        public InvalidNote(String message) {
            super(message);
        }
    }
}
