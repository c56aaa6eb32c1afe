package org.newsroom.query.webhooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets encrypted at rest with AES-256-GCM (the JDK's {@code javax.crypto}), under a key kept outside
 * the database. A sealed secret reads {@code aesgcm1:<key id>:<base64url(iv ‖ ciphertext ‖ tag)>}: a fresh 96-bit IV
 * per seal, the subscription id as additional authenticated data (a sealed secret copied onto another subscription
 * does not open), and the key id (the first 8 characters of the base64url SHA-256 of the key) so that secrets sealed
 * under a previous key still open while they are re-sealed under the current one.
 */
public final class SecretBox {

    /** A sealed secret cannot be opened: it was sealed under a key that is not configured, or it was tampered with. */
    public static final class Unreadable extends RuntimeException {

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final String PREFIX = "aesgcm1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    /**
     * @param currentKey   32 bytes: seals every secret, and opens those sealed under it
     * @param previousKeys 32 bytes each: open secrets sealed before a key rotation, never seal
     */
    public SecretBox(byte[] currentKey, List<byte[]> previousKeys) {
        this.currentId = add(currentKey);
        previousKeys.forEach(this::add);
    }

    private String add(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException(
                    "a webhook secret key is 32 bytes (base64 of 32 random bytes), not " + key.length);
        }
        String id = keyId(key);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Whether a stored value is a sealed secret (and not a secret stored in clear by an earlier version). */
    public static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** Whether {@code sealed} was sealed under the current key (and needs no re-sealing). */
    public boolean isCurrent(String sealed) {
        return sealed.startsWith(PREFIX + currentId + ":");
    }

    public String seal(String subscriptionId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return PREFIX + currentId + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret sealed in {@code sealed}; throws {@link Unreadable} when no configured key opens it. */
    public String open(String subscriptionId, String sealed) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !sealed.startsWith(PREFIX)) {
            throw new Unreadable("webhook " + subscriptionId + ": its secret is not sealed", null);
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new Unreadable(
                    "webhook " + subscriptionId + ": its secret was sealed under key " + parts[1]
                            + ", which is neither newsroom.webhooks.secret-key nor one of"
                            + " newsroom.webhooks.previous-secret-keys",
                    null);
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Unreadable("webhook " + subscriptionId + ": its sealed secret does not open", e);
        }
    }
}
