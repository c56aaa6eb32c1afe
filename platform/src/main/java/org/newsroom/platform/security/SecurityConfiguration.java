package org.newsroom.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.newsroom.platform.mongo.MongoConfiguration;
import org.newsroom.platform.mongo.MongoConfiguration.MongoConnection;
import org.newsroom.platform.web.ProblemWriter;
import org.newsroom.platform.web.WebPlatformConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.DispatcherType;

/**
 * Stateless HTTP Basic (and bearer JWTs when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set), the
 * access table of {@link AccessRules}, problem answers for 401 and 403. Users: the demo users {@code reporter},
 * {@code editor}, {@code auditor}, {@code integrator} and {@code operator} only on the embedded default (password
 * {@code NEWSROOM_DEMO_PASSWORD}, default {@code newsroom}), plus any {@code newsroom.users[i]}.
 */
@AutoConfiguration(
        after = {MongoConfiguration.class, WebPlatformConfiguration.class},
        before = {
            SecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * Spring Security's delegating encoder ({@code {bcrypt}}, {@code {noop}}, ...), with bcrypt at
     * {@code newsroom.security.bcrypt-strength} (default 10). The strength matters beyond encoding: after a successful
     * sign-in, a stored hash of a lower strength is re-encoded at this one. A successful match is remembered for
     * {@code newsroom.security.verified-password-seconds} (default 300) so that HTTP Basic clients do not pay bcrypt on
     * every request.
     */
    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder(
            @Value("${newsroom.security.bcrypt-strength:10}") int strength,
            @Value("${newsroom.security.verified-password-seconds:300}") long remembered) {
        DelegatingPasswordEncoder defaults =
                (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put("bcrypt", new BCryptPasswordEncoder(strength));
        encoders.put("noop", NoOpPasswordEncoder.getInstance());
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", encoders);
        encoder.setDefaultPasswordEncoderForMatches(defaults);
        return new VerifiedPasswords(encoder, Duration.ofSeconds(remembered), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    InMemoryUserDetailsManager newsroomUsers(
            ObjectProvider<MongoConnection> mongo,
            Environment environment,
            ObjectProvider<JwtDecoder> jwtDecoder,
            PasswordEncoder encoder,
            @Value("${newsroom.demo-password:${NEWSROOM_DEMO_PASSWORD:newsroom}}") String demoPassword) {
        List<UserDetails> users = new ArrayList<>(NewsroomUsers.configured(Binder.get(environment)
                .bind("newsroom.users", Bindable.listOf(ConfiguredUser.class))
                .orElse(List.of())));
        MongoConnection connection = mongo.getIfAvailable();
        if (connection != null && connection.isEmbedded()) {
            users.addAll(NewsroomUsers.demo(demoPassword, encoder));
            // the application's ready line names them; this one is for whoever debugs the security set-up
            log.debug("Embedded MongoDB: demo users are active");
        } else if (users.isEmpty() && jwtDecoder.getIfAvailable() == null) {
            log.warn("No users configured (newsroom.users) and no JWT issuer "
                    + "(spring.security.oauth2.resourceserver.jwt.issuer-uri): only public routes can be used");
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** The access table: the platform's rows around every {@link RouteAccess} bean's, in bean order. */
    @Bean
    AccessRules accessRules(ObjectProvider<RouteAccess> contributions) {
        return AccessRules.assemble(contributions.orderedStream().toList());
    }

    @Bean
    CurrentUserController currentUserController() {
        return new CurrentUserController();
    }

    @Bean
    SecurityProblems securityProblems(ProblemWriter writer, ObjectProvider<JwtDecoder> jwtDecoder) {
        return new SecurityProblems(writer, jwtDecoder.getIfAvailable() != null);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain newsroomSecurityFilterChain(
            HttpSecurity http,
            SecurityProblems problems,
            AccessRules rules,
            ObjectProvider<JwtDecoder> jwtDecoder,
            @Value("${newsroom.security.jwt.roles-claim:roles}") String rolesClaim,
            @Value("${newsroom.security.jwt.principal-claim:sub}") String principalClaim)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.realmName("newsroom").authenticationEntryPoint(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(registry -> applyAccessTable(registry, rules));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(decoder)
                            .jwtAuthenticationConverter(JwtRoles.converter(rolesClaim, principalClaim))));
        }
        return http.build();
    }

    private static void applyAccessTable(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry,
            AccessRules rules) {
        // an error dispatch keeps the status decided by the original request
        registry.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
        for (AccessRule rule : rules.table()) {
            var url = registry.requestMatchers(matcher(rule));
            switch (rule.access()) {
                case PUBLIC -> url.permitAll();
                case AUTHENTICATED -> url.authenticated();
                case ROLES ->
                    url.hasAnyRole(rule.roles().stream().map(Role::id).sorted().toArray(String[]::new));
            }
        }
    }

    private static RequestMatcher matcher(AccessRule rule) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return rule.method() == null ? paths.matcher(rule.pattern()) : paths.matcher(rule.method(), rule.pattern());
    }
}
