package org.newsroom.platform.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.newsroom.testing.ApiResponse;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.TestPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Bearer tokens, signed here with a local key: a token must be for this service's audience, expire, and name its
 * subject and its principal claim (here {@code preferred_username}), which is the user's name everywhere: in
 * {@code /api/me} and as the author of what the request writes.
 */
@TestPropertySource(
        properties = {
            "newsroom.mongodb.database=jwt",
            "newsroom.security.jwt.audience=newsroom",
            "newsroom.security.jwt.principal-claim=preferred_username"
        })
@Import(BearerTokenIT.LocalIssuer.class)
class BearerTokenIT extends PlatformServerTestBase {

    static final RSAKey KEY = generate();

    @TestConfiguration
    static class LocalIssuer {

        @Bean
        JwtDecoder jwtDecoder() throws JOSEException {
            return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
        }
    }

    @Test
    void aCompleteTokenSignsInAsItsPrincipalClaimEverywhere() {
        String token = token(claims -> {});
        ApiResponse me = anonymous().get("/api/me", "Authorization", "Bearer " + token);
        assertThat(me.status()).as("%s", me).isEqualTo(200);
        assertThat(me.json().path("name").asText()).isEqualTo("amy");
        ApiResponse note = anonymous().post("/api/notes", "{\"text\":\"hi\"}", "Authorization", "Bearer " + token);
        assertThat(note.status()).as("%s", note).isEqualTo(200);
        assertThat(note.json().path("by").asText()).isEqualTo("amy");
    }

    @Test
    void aTokenForAnotherAudienceWithoutExpiryOrWithoutSubjectIsRefused() {
        List<Consumer<JWTClaimsSet.Builder>> wrong = List.of(
                claims -> claims.audience("another-service"),
                claims -> claims.audience((String) null),
                claims -> claims.expirationTime(null),
                claims -> claims.subject(null),
                claims -> claims.claim("preferred_username", null),
                claims -> claims.claim("preferred_username", " "));
        for (Consumer<JWTClaimsSet.Builder> change : wrong) {
            String token = token(change);
            ApiResponse me = anonymous().get("/api/me", "Authorization", "Bearer " + token);
            assertThat(me.status()).as("%s: %s", token, me).isEqualTo(401);
            assertThat(me.json().path("code").asText()).isEqualTo("unauthenticated");
        }
    }

    private static String token(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("9f2c6a1e-user")
                .audience(List.of("newsroom", "other"))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("preferred_username", "amy")
                .claim("roles", List.of("reporter"));
        change.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
