package org.newsroom.eventlog.proof;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 verifier key of a C2SP signed note: {@code <name>+<hex key ID>+<base64(0x01 ‖ 32-byte public key)>},
 * where the key ID is the first four bytes of {@code SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)}.
 */
public record NoteVerifier(String name, int keyId, byte[] publicKey) {

    static final byte ED25519 = 0x01;
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public NoteVerifier {
        if (!validName(name)) {
            throw new IllegalArgumentException("a key name is not empty and has no spaces or '+': '" + name + "'");
        }
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        publicKey = publicKey.clone();
    }

    public static NoteVerifier of(String name, byte[] publicKey) {
        return new NoteVerifier(name, keyId(name, publicKey), publicKey);
    }

    /** Parses a verifier key string; its key ID must be the one its name and key give. */
    public static NoteVerifier parse(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3 || parts[1].length() != 8) {
            throw new IllegalArgumentException(
                    "a verifier key is <name>+<8 hex digits>+<base64 key>, not '" + vkey + "'");
        }
        byte[] key;
        int id;
        try {
            key = Base64.getDecoder().decode(parts[2]);
            id = (int) Long.parseLong(parts[1], 16);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the verifier key '" + vkey + "' is not well formed: " + e.getMessage());
        }
        if (key.length != 33 || key[0] != ED25519) {
            throw new IllegalArgumentException("the verifier key '" + vkey + "' is not an Ed25519 key (type 0x01)");
        }
        byte[] publicKey = Arrays.copyOfRange(key, 1, key.length);
        if (keyId(parts[0], publicKey) != id) {
            throw new IllegalArgumentException(
                    "the verifier key '" + vkey + "' has a key ID its name and key do not give");
        }
        return new NoteVerifier(parts[0], id, publicKey);
    }

    static int keyId(String name, byte[] publicKey) {
        MessageDigest sha256 = MerkleTree.sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x0A);
        sha256.update(ED25519);
        byte[] digest = sha256.digest(publicKey);
        return ((digest[0] & 0xFF) << 24) | ((digest[1] & 0xFF) << 16) | ((digest[2] & 0xFF) << 8) | (digest[3] & 0xFF);
    }

    static boolean validName(String name) {
        return !name.isEmpty()
                && name.codePoints()
                        .noneMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20);
    }

    public String keyIdHex() {
        return String.format("%08x", keyId);
    }

    /** The verifier key string. */
    public String vkey() {
        byte[] typed = new byte[33];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, 32);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Whether {@code signature} (64 bytes, without the key ID) is this key's Ed25519 signature of {@code text}. */
    public boolean verifies(byte[] text, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki()));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(text);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private byte[] spki() {
        byte[] encoded = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(publicKey, 0, encoded, SPKI_PREFIX.length, 32);
        return encoded;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifier that
                && name.equals(that.name)
                && keyId == that.keyId
                && Arrays.equals(publicKey, that.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return vkey();
    }
}
