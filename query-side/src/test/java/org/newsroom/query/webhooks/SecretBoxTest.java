package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final byte[] OLD = key(1);
    private static final byte[] NEW = key(2);
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void aSealedSecretOpensForItsSubscriptionOnlyAndNeverShowsTheSecret() {
        SecretBox box = new SecretBox(NEW, List.of());

        String sealed = box.seal("wh_1", SECRET);

        assertThat(sealed).startsWith("aesgcm1:").doesNotContain(SECRET).doesNotContain(SECRET.substring(6));
        assertThat(SecretBox.isSealed(sealed)).isTrue();
        assertThat(SecretBox.isSealed(SECRET)).isFalse();
        assertThat(box.open("wh_1", sealed)).isEqualTo(SECRET);
        assertThat(box.seal("wh_1", SECRET)).as("a fresh IV every time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> box.open("wh_2", sealed))
                .as("copied onto another subscription")
                .isInstanceOf(SecretBox.Unreadable.class);
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> box.open("wh_1", tampered)).isInstanceOf(SecretBox.Unreadable.class);
    }

    @Test
    void afterARotationOldSecretsStillOpenAndAreKnownToNeedResealing() {
        String sealedBefore = new SecretBox(OLD, List.of()).seal("wh_1", SECRET);
        SecretBox rotated = new SecretBox(NEW, List.of(OLD));
        SecretBox withoutTheOldKey = new SecretBox(NEW, List.of());

        assertThat(rotated.isCurrent(sealedBefore)).isFalse();
        assertThat(rotated.open("wh_1", sealedBefore)).isEqualTo(SECRET);
        assertThat(rotated.isCurrent(rotated.seal("wh_1", SECRET))).isTrue();
        assertThatThrownBy(() -> withoutTheOldKey.open("wh_1", sealedBefore))
                .isInstanceOf(SecretBox.Unreadable.class)
                .hasMessageContaining("previous-secret-keys");
    }

    @Test
    void aKeyIsThirtyTwoBytes() {
        assertThatThrownBy(() -> new SecretBox(new byte[16], List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> SecretKeys.load(Base64.getEncoder().encodeToString(new byte[16]), null, List.of(), null))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretKeys.load("not base64!", null, List.of(), null))
                .hasMessageContaining("not base64");
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
