package org.newsroom.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.newsroom.testing.MutableClock;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordsTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private final PasswordEncoder slow = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return "hash(" + raw + ")";
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            verifications.incrementAndGet();
            return encoded.equals(encode(raw));
        }
    };
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final VerifiedPasswords passwords = new VerifiedPasswords(slow, Duration.ofMinutes(5), clock);

    @Test
    void aMatchingPasswordIsVerifiedOnceWhileRemembered() {
        assertThat(passwords.matches("newsroom", "hash(newsroom)")).isTrue();
        assertThat(passwords.matches("newsroom", "hash(newsroom)")).isTrue();
        assertThat(passwords.matches("newsroom", "hash(newsroom)")).isTrue();

        assertThat(verifications).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndNeverMatches() {
        passwords.matches("newsroom", "hash(newsroom)");

        assertThat(passwords.matches("guess", "hash(newsroom)")).isFalse();
        assertThat(passwords.matches("guess", "hash(newsroom)")).isFalse();
        assertThat(verifications).hasValue(3);
    }

    @Test
    void aChangedPasswordHashIsVerifiedAgain() {
        passwords.matches("newsroom", "hash(newsroom)");

        assertThat(passwords.matches("newsroom", "hash(changed)")).isFalse();
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aMatchIsForgottenAfterItsTimeToLive() {
        passwords.matches("newsroom", "hash(newsroom)");
        clock.advance(Duration.ofMinutes(5).plusMillis(1));

        assertThat(passwords.matches("newsroom", "hash(newsroom)")).isTrue();
        assertThat(verifications).hasValue(2);
    }
}
