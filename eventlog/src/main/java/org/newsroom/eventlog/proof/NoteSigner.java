package org.newsroom.eventlog.proof;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 key that signs C2SP signed notes under a key name. Built from the 32-byte private key (the RFC 8032
 * seed); the public key is derived from it.
 */
public final class NoteSigner {

    private final PrivateKey privateKey;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes, not " + seed.length);
        }
        KeyPair pair = derive(seed.clone());
        this.privateKey = pair.getPrivate();
        byte[] spki = pair.getPublic().getEncoded();
        this.verifier = NoteVerifier.of(name, Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    public static NoteSigner fromSeed(String name, byte[] seed) {
        return new NoteSigner(name, seed);
    }

    public static NoteSigner generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new NoteSigner(name, seed);
    }

    /** A signer from a PKCS#8 DER encoding of an Ed25519 private key (as in a {@code PRIVATE KEY} PEM). */
    public static NoteSigner fromPkcs8(String name, byte[] der) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            byte[] seed = ((EdECPrivateKey) key)
                    .getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("the private key's bytes are not available"));
            return new NoteSigner(name, seed);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /**
     * The JDK derives an Ed25519 public key only while generating a pair, from 32 random bytes: given these bytes as
     * its randomness, it derives the pair of this private key (RFC 8032 §5.1.5).
     */
    private static KeyPair derive(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
                }
            });
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    public String name() {
        return verifier.name();
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    /** The PKCS#8 PEM of this private key, as {@code openssl genpkey -algorithm ed25519} writes it. */
    public String pkcs8Pem() {
        byte[] der = privateKey.getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** The Ed25519 signature (64 bytes) of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with Ed25519", e);
        }
    }
}
