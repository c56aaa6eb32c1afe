package org.newsroom.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
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
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.mongodb.client.MongoDatabase;

import jakarta.servlet.DispatcherType;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * HTTP Basic (and bearer JWTs when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set) for API
 * clients, a session cookie for browsers ({@code POST /api/session}), the access table of {@link AccessRules}, problem
 * answers for 401, 403 and 429. Users: the demo users, one per {@link Role}, only on the embedded default (password
 * {@code NEWSROOM_DEMO_PASSWORD}, default {@code newsroom}), plus any {@code newsroom.users[i]}. Writes from pages of
 * other origins are refused ({@link BrowserRequestFilter}); failed sign-ins are throttled ({@link SignInGuard}).
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
    SecurityProblems securityProblems(
            ProblemWriter writer, ObjectProvider<JwtDecoder> jwtDecoder, ObjectProvider<SignInGuard> guard) {
        return new SecurityProblems(writer, jwtDecoder.getIfAvailable() != null, guard.getIfAvailable());
    }

    /** Spring Security's firewall refusals (encoded or non-normalised paths, {@code ;}) as 400 problems. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter writer) {
        return new RejectedRequests(writer);
    }

    @Bean
    BrowserOrigins browserOrigins(@Value("${newsroom.security.allowed-origins:}") Set<String> allowed) {
        return new BrowserOrigins(allowed);
    }

    @Bean
    @ConditionalOnBean(MongoDatabase.class)
    SignInSessions signInSessions(
            MongoDatabase database,
            ObjectProvider<Clock> clock,
            @Value("${newsroom.security.session.lifetime:8h}") String lifetime) {
        return new SignInSessions(
                database, DurationStyle.detectAndParse(lifetime), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBean(MongoDatabase.class)
    SignInGuard signInGuard(
            MongoDatabase database,
            ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters,
            InMemoryUserDetailsManager users,
            PasswordEncoder encoder,
            ProblemWriter problems,
            @Value("${newsroom.security.sign-in.max-failures:5}") int maxPerUser,
            @Value("${newsroom.security.sign-in.max-failures-per-address:20}") int maxPerAddress,
            @Value("${newsroom.security.sign-in.window:1m}") String window) {
        SignInThrottle throttle = new SignInThrottle(
                database,
                maxPerUser,
                maxPerAddress,
                DurationStyle.detectAndParse(window),
                clock.getIfAvailable(Clock::systemUTC),
                meters.getIfAvailable(SimpleMeterRegistry::new));
        return new SignInGuard(throttle, users, encoder, problems);
    }

    @Bean
    @ConditionalOnBean(SignInSessions.class)
    SignInController signInController(
            SignInSessions sessions, SignInGuard guard, InMemoryUserDetailsManager users, PasswordEncoder encoder) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(encoder);
        passwords.setUserDetailsService(users);
        return new SignInController(new SignIns(sessions, guard, new ProviderManager(passwords)));
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain newsroomSecurityFilterChain(
            HttpSecurity http,
            SecurityProblems problems,
            AccessRules rules,
            BrowserOrigins origins,
            ObjectProvider<SignInSessions> sessions,
            ObjectProvider<SignInGuard> guard,
            InMemoryUserDetailsManager users,
            ProblemWriter problemWriter,
            ObjectProvider<JwtDecoder> jwtDecoder,
            ObjectProvider<CacheableRoutes> cacheable,
            ObjectProvider<FrameableRoutes> frameable,
            @Value("${newsroom.security.jwt.roles-claim:roles}") String rolesClaim,
            @Value("${newsroom.security.jwt.principal-claim:sub}") String principalClaim,
            @Value("${newsroom.security.jwt.audience:}") String audience)
            throws Exception {
        // no CSRF token: a browser is signed in only by a SameSite=Strict cookie, and every write whose Origin is
        // another site's is refused by the BrowserRequestFilter, whatever credentials it carries
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.realmName("newsroom").authenticationEntryPoint(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(registry -> applyAccessTable(registry, rules))
                .addFilterAfter(
                        new BrowserRequestFilter(origins, sessions.getIfAvailable(), users, problemWriter),
                        SecurityContextHolderFilter.class);
        List<RequestMatcher> ownCacheControl = cacheable
                .orderedStream()
                .flatMap(routes -> routes.patterns().stream())
                .<RequestMatcher>map(
                        pattern -> PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList();
        if (!ownCacheControl.isEmpty()) {
            http.headers(headers -> headers.cacheControl(HeadersConfigurer.CacheControlConfig::disable)
                    .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(new OrRequestMatcher(ownCacheControl)),
                            new CacheControlHeadersWriter())));
        }
        List<RequestMatcher> sameOriginFrames = frameable
                .orderedStream()
                .flatMap(routes -> routes.patterns().stream())
                .<RequestMatcher>map(
                        pattern -> PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList();
        if (!sameOriginFrames.isEmpty()) {
            RequestMatcher framed = new OrRequestMatcher(sameOriginFrames);
            http.headers(headers -> headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::disable)
                    .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                            framed, new XFrameOptionsHeaderWriter(XFrameOptionsMode.SAMEORIGIN)))
                    .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                            new NegatedRequestMatcher(framed), new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY))));
        }
        SignInGuard signInGuard = guard.getIfAvailable();
        if (signInGuard != null) {
            http.addFilterBefore(signInGuard.beforeBasic(), BasicAuthenticationFilter.class);
        }
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            if (audience.isBlank()) {
                throw new IllegalStateException("A JWT issuer is configured but newsroom.security.jwt.audience is not:"
                        + " set it to the audience (aud) the issuer puts in this service's tokens");
            }
            JwtDecoder strict = JwtRules.strict(decoder, audience, principalClaim);
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(strict)
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

    /** A row for GET also covers HEAD, which Spring MVC answers as GET without its body. */
    static RequestMatcher matcher(AccessRule rule) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        if (rule.method() == null) {
            return paths.matcher(rule.pattern());
        }
        RequestMatcher exact = paths.matcher(rule.method(), rule.pattern());
        return rule.method().equals(HttpMethod.GET)
                ? new OrRequestMatcher(exact, paths.matcher(HttpMethod.HEAD, rule.pattern()))
                : exact;
    }
}
