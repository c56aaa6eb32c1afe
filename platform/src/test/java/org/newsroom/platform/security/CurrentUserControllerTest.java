package org.newsroom.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class CurrentUserControllerTest {

    private final CurrentUserController controller = new CurrentUserController();

    @Test
    void rolesAreThoseOfDesignMdInTheirOwnOrderAndOtherAuthoritiesAreLeftOut() {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                "amackinnon",
                null,
                AuthorityUtils.createAuthorityList("ROLE_editor", "SCOPE_openid", "ROLE_reporter", "ROLE_admin"));

        assertThat(controller.me(authentication))
                .isEqualTo(new CurrentUser("amackinnon", List.of("reporter", "editor")));
    }
}
