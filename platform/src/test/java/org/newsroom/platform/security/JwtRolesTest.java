package org.newsroom.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtRolesTest {

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
                .header("alg", "none")
                .subject("angus")
                .issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(60));
        claims.forEach(jwt::claim);
        return jwt.build();
    }

    @Test
    void readsRolesFromAnArrayInAnyCase() {
        assertThat(new JwtRoles("roles").convert(token(Map.of("roles", List.of("Editor", "reporter")))))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_editor", "ROLE_reporter");
    }

    @Test
    void readsRolesFromASpaceSeparatedStringInTheConfiguredClaim() {
        assertThat(new JwtRoles("newsroom_roles").convert(token(Map.of("newsroom_roles", "auditor  integrator"))))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_auditor", "ROLE_integrator");
    }

    @Test
    void grantsNothingWithoutTheClaim() {
        assertThat(new JwtRoles("roles").convert(token(Map.of("scope", "read"))))
                .isEmpty();
    }

    @Test
    void namesThePrincipalFromTheConfiguredClaim() {
        var authentication = JwtRoles.converter("roles", "preferred_username")
                .convert(token(Map.of("preferred_username", "amackinnon", "roles", List.of("reporter"))));

        assertThat(authentication.getName()).isEqualTo("amackinnon");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_reporter");
    }
}
