package org.newsroom.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a short while, that a password matched its stored hash, so that HTTP Basic does not pay a bcrypt
 * verification (tens of milliseconds of CPU, by design) on every request of a client that sends the same credentials
 * each time. Only successful matches are remembered, keyed by a salted SHA-256 of the stored hash and the password,
 * never the password itself; a changed password has a new hash and so a new key.
 */
final class VerifiedPasswords implements PasswordEncoder {

    private static final int CAPACITY = 10_000;

    private final PasswordEncoder delegate;
    private final Duration remembered;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Long> verifiedUntil = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    VerifiedPasswords(PasswordEncoder delegate, Duration remembered, Clock clock) {
        this.delegate = delegate;
        this.remembered = remembered;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String key = key(rawPassword, encodedPassword);
        long now = clock.millis();
        synchronized (verifiedUntil) {
            Long until = verifiedUntil.get(key);
            if (until != null && until > now) {
                return true;
            }
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verifiedUntil) {
                verifiedUntil.put(key, now + remembered.toMillis());
            }
        }
        return matches;
    }

    /** Whether this password matched this hash a moment ago: answered without a bcrypt. */
    boolean remembers(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String key = key(rawPassword, encodedPassword);
        synchronized (verifiedUntil) {
            Long until = verifiedUntil.get(key);
            return until != null && until > clock.millis();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String key(CharSequence rawPassword, String encodedPassword) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
