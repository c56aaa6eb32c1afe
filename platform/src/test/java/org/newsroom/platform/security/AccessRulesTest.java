package org.newsroom.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.platform.security.AccessRule.open;
import static org.newsroom.platform.security.AccessRule.roles;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private final RouteAccess site = () -> List.of(open("/site/**"));
    private final RouteAccess feed = () -> List.of(
            roles(GET, "/feed/stream", Role.REPORTER, Role.INTEGRATOR), roles(null, "/feed/**", Role.INTEGRATOR));
    private final AccessRules rules = AccessRules.assemble(List.of(site, feed));

    @Test
    void healthIsPublicButTheRestOfActuatorIsForOperators() {
        assertThat(rules.ruleFor(GET, "/actuator/health").access()).isEqualTo(AccessRule.Access.PUBLIC);
        assertThat(rules.ruleFor(GET, "/actuator/health/liveness").access()).isEqualTo(AccessRule.Access.PUBLIC);
        assertThat(rules.ruleFor(GET, "/actuator/info").access()).isEqualTo(AccessRule.Access.PUBLIC);
        for (String path : List.of("/actuator/metrics", "/actuator/prometheus", "/actuator/projections/site/rebuild")) {
            assertThat(rules.ruleFor(GET, path).roles()).as(path).containsExactly(Role.OPERATOR);
            assertThat(rules.ruleFor(POST, path).roles()).as(path).containsExactly(Role.OPERATOR);
        }
    }

    @Test
    void headFollowsTheRulesOfGet() {
        AccessRule stream = rules.ruleFor(HEAD, "/feed/stream");
        assertThat(stream).isEqualTo(rules.ruleFor(GET, "/feed/stream"));
        assertThat(stream.allows(EnumSet.of(Role.AUDITOR))).isFalse();
        assertThat(rules.ruleFor(HEAD, "/api/me")).isEqualTo(rules.ruleFor(GET, "/api/me"));
        assertThat(rules.ruleFor(POST, "/api/me").method()).isNull();
    }

    @Test
    void signingInAndOutIsOpenToEveryone() {
        assertThat(rules.ruleFor(POST, "/api/session").allows(null)).isTrue();
        assertThat(rules.ruleFor(DELETE, "/api/session").allows(null)).isTrue();
    }

    @Test
    void theContributedRowsComeBetweenThePlatformsPublicRowsAndItsCatchAll() {
        assertThat(rules.table())
                .startsWith(AccessRules.PUBLIC.toArray(AccessRule[]::new))
                .endsWith(AccessRules.LAST.toArray(AccessRule[]::new))
                .containsSubsequence(
                        site.rules().get(0), feed.rules().get(0), feed.rules().get(1));
    }

    @Test
    void theFirstMatchingRowWinsInTheOrderOfTheContributions() {
        assertThat(rules.ruleFor(GET, "/feed/stream").allows(EnumSet.of(Role.REPORTER)))
                .isTrue();
        assertThat(rules.ruleFor(POST, "/feed/stream").allows(EnumSet.of(Role.REPORTER)))
                .isFalse();
        assertThat(rules.ruleFor(GET, "/feed/events").allows(EnumSet.of(Role.INTEGRATOR)))
                .isTrue();
        assertThat(rules.ruleFor(GET, "/site/articles/some-slug").allows(null)).isTrue();
    }

    @Test
    void aRouteThatNoRowNamesNeedsAnAuthenticatedUser() {
        AccessRule rule = rules.ruleFor(DELETE, "/api/articles/a1");

        assertThat(rule.access()).isEqualTo(AccessRule.Access.AUTHENTICATED);
        assertThat(rule.allows(null)).isFalse();
        assertThat(rule.allows(Set.of())).isTrue();
    }

    @Test
    void anyUserMayAskWhoTheyAre() {
        AccessRule rule = rules.ruleFor(GET, "/api/me");

        assertThat(rule.method()).isEqualTo(GET);
        assertThat(rule.allows(EnumSet.of(Role.AUDITOR))).isTrue();
        assertThat(rule.allows(null)).isFalse();
    }
}
