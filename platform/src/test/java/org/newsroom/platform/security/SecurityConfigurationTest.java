package org.newsroom.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;
import org.newsroom.platform.web.WebPlatformConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import com.mongodb.client.MongoClient;

/** Which users exist: the demo users only on the embedded default, configured users always. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    WebPlatformConfiguration.class,
                    SecurityAutoConfiguration.class,
                    SecurityConfiguration.class))
            .withPropertyValues("newsroom.security.bcrypt-strength=4");

    private static MongoConnection connection(boolean embedded) {
        return new MongoConnection(mock(MongoClient.class), "newsroom", embedded ? mock(AutoCloseable.class) : null);
    }

    @Test
    void theEmbeddedDefaultHasOneDemoUserPerRoleWithTheDemoPassword(CapturedOutput output) {
        runner.withBean(MongoConnection.class, () -> connection(true))
                .withPropertyValues("newsroom.demo-password=s3cret-demo")
                .run(context -> {
                    InMemoryUserDetailsManager users = context.getBean(InMemoryUserDetailsManager.class);
                    PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
                    for (Role role : Role.values()) {
                        UserDetails user = users.loadUserByUsername(role.id());
                        assertThat(user.getPassword()).startsWith("{bcrypt}");
                        assertThat(encoder.matches("s3cret-demo", user.getPassword()))
                                .isTrue();
                        assertThat(encoder.matches("newsroom", user.getPassword()))
                                .isFalse();
                        assertThat(user.getAuthorities())
                                .extracting(GrantedAuthority::getAuthority)
                                .containsExactly(role.authority());
                    }
                });
        assertThat(output).doesNotContain("s3cret");
    }

    @Test
    void aRealMongoDbHasNoDemoUsers(CapturedOutput output) {
        runner.withBean(MongoConnection.class, () -> connection(false)).run(context -> {
            InMemoryUserDetailsManager users = context.getBean(InMemoryUserDetailsManager.class);
            for (Role role : Role.values()) {
                assertThat(users.userExists(role.id())).isFalse();
            }
        });
        assertThat(output).contains("No users configured").doesNotContain("demo users");
    }

    @Test
    void configuredUsersExistWithTheirRoles() {
        runner.withBean(MongoConnection.class, () -> connection(false))
                .withPropertyValues(
                        "newsroom.users[0].name=alice",
                        "newsroom.users[0].password={noop}wonderland",
                        "newsroom.users[0].roles=editor,Auditor")
                .run(context -> {
                    UserDetails alice =
                            context.getBean(InMemoryUserDetailsManager.class).loadUserByUsername("alice");
                    assertThat(context.getBean(PasswordEncoder.class).matches("wonderland", alice.getPassword()))
                            .isTrue();
                    assertThat(alice.getAuthorities())
                            .extracting(GrantedAuthority::getAuthority)
                            .containsExactlyInAnyOrder("ROLE_editor", "ROLE_auditor");
                });
    }

    @Test
    void aConfiguredPasswordMustNameItsEncoding() {
        runner.withBean(MongoConnection.class, () -> connection(false))
                .withPropertyValues(
                        "newsroom.users[0].name=alice",
                        "newsroom.users[0].password=plain",
                        "newsroom.users[0].roles=editor")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("newsroom.users[0].password must name its encoding"));
    }

    @Test
    void aConfiguredRoleMustExist() {
        runner.withBean(MongoConnection.class, () -> connection(false))
                .withPropertyValues(
                        "newsroom.users[0].name=alice",
                        "newsroom.users[0].password={noop}x",
                        "newsroom.users[0].roles=admin")
                .run(context ->
                        assertThat(context).hasFailed().getFailure().hasStackTraceContaining("unknown role 'admin'"));
    }

    @Test
    void aJwtIssuerWithoutAnAudienceRefusesToStart() {
        runner.withBean(MongoConnection.class, () -> connection(false))
                .withBean(JwtDecoder.class, () -> token -> {
                    throw new org.springframework.security.oauth2.jwt.BadJwtException("no tokens here");
                })
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("newsroom.security.jwt.audience"));
        runner.withBean(MongoConnection.class, () -> connection(false))
                .withBean(JwtDecoder.class, () -> token -> {
                    throw new org.springframework.security.oauth2.jwt.BadJwtException("no tokens here");
                })
                .withPropertyValues("newsroom.security.jwt.audience=newsroom")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theOperatorIsADemoUserAndARoleOfConfiguredUsers() {
        runner.withBean(MongoConnection.class, () -> connection(true))
                .run(context -> assertThat(context.getBean(InMemoryUserDetailsManager.class)
                                .loadUserByUsername("operator")
                                .getAuthorities())
                        .extracting(GrantedAuthority::getAuthority)
                        .containsExactly("ROLE_operator"));
    }
}
