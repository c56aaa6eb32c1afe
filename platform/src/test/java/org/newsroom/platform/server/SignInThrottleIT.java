package org.newsroom.platform.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.testing.ApiClient;
import org.newsroom.testing.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * After five failed sign-ins for a user within a minute (or eight, here, from one address), the next attempt answers
 * 429 with Retry-After, with any password, and checks none; credentials verified a moment ago still pass. Each failure
 * is logged and counted.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {"newsroom.mongodb.database=throttle", "newsroom.security.sign-in.max-failures-per-address=8"})
class SignInThrottleIT extends PlatformServerTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void theSixthFailureWithinAMinuteIsRefusedAtOnceAndKnownCredentialsStillPass(CapturedOutput output) {
        // twice: the first sign-in re-encodes a {noop} password at the configured bcrypt strength, the second
        // verifies the new hash
        assertThat(otto().get("/api/me").status()).as("otto, signed in").isEqualTo(200);
        assertThat(otto().get("/api/me").status())
                .as("otto, verified before the attack")
                .isEqualTo(200);
        ApiClient mallory = ApiClient.on(port).as("mallory", "guess-number-one");
        for (int i = 1; i <= 5; i++) {
            ApiResponse refused = mallory.get("/api/notes");
            assertThat(refused.status()).as("attempt %d", i).isEqualTo(401);
        }
        ApiResponse sixth = mallory.get("/api/notes");
        assertThat(sixth.status()).as("%s", sixth).isEqualTo(429);
        assertThat(sixth.contentType()).startsWith("application/problem+json");
        assertThat(sixth.json().path("code").asText()).isEqualTo("too-many-sign-in-attempts");
        assertThat(Integer.parseInt(sixth.header("Retry-After"))).isBetween(1, 60);
        long began = System.nanoTime();
        ApiResponse right = ApiClient.on(port).as("mallory", "the-right-one").get("/api/notes");
        assertThat(right.status()).as("any password for a throttled user").isEqualTo(429);
        assertThat((System.nanoTime() - began) / 1_000_000).as("ms").isLessThan(1_000);

        assertThat(rita().get("/api/notes").status())
                .as("another user, same address")
                .isEqualTo(200);
        for (int i = 1; i <= 3; i++) {
            assertThat(ApiClient.on(port)
                            .as("eve" + i, "guess")
                            .get("/api/notes")
                            .status())
                    .isEqualTo(401);
        }
        ApiResponse json = anonymous().post("/api/session", "{\"user\":\"rita\",\"password\":\"rita-secret\"}");
        assertThat(json.status()).as("the address has failed 8 times: %s", json).isEqualTo(429);
        assertThat(json.json().path("code").asText()).isEqualTo("too-many-sign-in-attempts");
        assertThat(json.header("Retry-After")).isNotNull();
        assertThat(otto().get("/api/me").status())
                .as("otto, verified moments ago")
                .isEqualTo(200);

        assertThat(meters.counter("newsroom.sign.in.failures").count()).isEqualTo(8.0);
        assertThat(output)
                .contains("Sign-in failed for user 'mallory' from 127.0.0.1")
                .doesNotContain("guess-number-one");
    }
}
