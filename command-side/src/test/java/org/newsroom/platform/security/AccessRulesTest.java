package org.newsroom.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AccessRulesTest {

    @Test
    void healthIsPublicButTheRestOfActuatorIsForEditors() {
        assertThat(AccessRules.ruleFor(GET, "/actuator/health").access()).isEqualTo(AccessRule.Access.PUBLIC);
        assertThat(AccessRules.ruleFor(GET, "/actuator/health/liveness").access())
                .isEqualTo(AccessRule.Access.PUBLIC);
        assertThat(AccessRules.ruleFor(GET, "/actuator/metrics").roles()).containsExactly(Role.EDITOR);
    }

    @Test
    void publishingIsForEditorsAndRevisingForReportersToo() {
        assertThat(AccessRules.ruleFor(POST, "/api/articles/a1/publish").roles()).containsExactly(Role.EDITOR);
        assertThat(AccessRules.ruleFor(PATCH, "/api/articles/a1").roles())
                .containsExactlyInAnyOrder(Role.REPORTER, Role.EDITOR);
        assertThat(AccessRules.ruleFor(DELETE, "/api/articles/a1/photos/p1").roles())
                .containsExactlyInAnyOrder(Role.REPORTER, Role.EDITOR);
    }

    @Test
    void aMethodWithoutARowFallsToAuthenticated() {
        AccessRule rule = AccessRules.ruleFor(DELETE, "/api/articles/a1");

        assertThat(rule.access()).isEqualTo(AccessRule.Access.AUTHENTICATED);
        assertThat(rule.allows(null)).isFalse();
        assertThat(rule.allows(Set.of())).isTrue();
    }

    @Test
    void auditAndFeedBelongToTheirRoles() {
        assertThat(AccessRules.ruleFor(GET, "/audit/articles/a1/history").allows(EnumSet.of(Role.EDITOR))).isFalse();
        assertThat(AccessRules.ruleFor(GET, "/audit/articles/a1/history").allows(EnumSet.of(Role.AUDITOR))).isTrue();
        assertThat(AccessRules.ruleFor(POST, "/api/webhooks").allows(EnumSet.of(Role.INTEGRATOR))).isTrue();
        assertThat(AccessRules.ruleFor(GET, "/feed/events").allows(EnumSet.of(Role.REPORTER))).isFalse();
        assertThat(AccessRules.ruleFor(GET, "/feed/events").allows(EnumSet.of(Role.INTEGRATOR))).isTrue();
    }

    @Test
    void theLiveStreamIsReadByEveryRoleThatMayReadTheArticlesItDescribes() {
        for (Role role : Role.values()) {
            assertThat(AccessRules.ruleFor(GET, "/feed/stream").allows(EnumSet.of(role))).as("%s", role).isTrue();
        }
        assertThat(AccessRules.ruleFor(GET, "/feed/stream").allows(null)).isFalse();
        assertThat(AccessRules.ruleFor(POST, "/feed/stream").allows(EnumSet.of(Role.REPORTER))).isFalse();
    }

    @Test
    void anyUserMayAskWhoTheyAre() {
        AccessRule rule = AccessRules.ruleFor(GET, "/api/me");

        assertThat(rule.method()).isEqualTo(GET);
        assertThat(rule.allows(EnumSet.of(Role.AUDITOR))).isTrue();
        assertThat(rule.allows(null)).isFalse();
    }

    @Test
    void theSiteIsOpenToAnyone() {
        assertThat(AccessRules.ruleFor(GET, "/site/articles/some-slug").allows(null)).isTrue();
    }
}
