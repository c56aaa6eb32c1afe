package org.newsroom.platform.security;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.newsroom.platform.web.ProblemWriter;
import org.newsroom.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs before a password is checked (as a filter before HTTP Basic, and in {@code POST /api/session}): a user or a
 * client address that has failed too often lately ({@link SignInThrottle}) gets 429
 * {@code too-many-sign-in-attempts} with {@code Retry-After}, and no password is checked. Credentials that were
 * verified a moment ago still pass ({@link VerifiedPasswords} knows them without a bcrypt): a client that is signed
 * in already keeps working while someone guesses its password.
 */
final class SignInGuard {

    private final SignInThrottle throttle;
    private final UserDetailsService users;
    private final PasswordEncoder encoder;
    private final ProblemWriter problems;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    SignInGuard(SignInThrottle throttle, UserDetailsService users, PasswordEncoder encoder, ProblemWriter problems) {
        this.throttle = throttle;
        this.users = users;
        this.encoder = encoder;
        this.problems = problems;
    }

    /** The filter of the security chain that runs before HTTP Basic. Not a bean: it belongs to that chain alone. */
    OncePerRequestFilter beforeBasic() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<UsernamePasswordAuthenticationToken> credentials = basicCredentials(request);
                if (credentials.isPresent()) {
                    Optional<Duration> wait = refusal(
                            credentials.get().getName(),
                            String.valueOf(credentials.get().getCredentials()),
                            request.getRemoteAddr());
                    if (wait.isPresent()) {
                        tooMany(request, response, wait.get());
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** How long this attempt must wait, if the user or the address is throttled and the password is not known good. */
    Optional<Duration> refusal(String user, String password, String address) {
        // known good credentials first: an API client signed in a moment ago costs no read of the counts
        if (verifiedMomentsAgo(user, password)) {
            return Optional.empty();
        }
        return throttle.blocked(user, address);
    }

    void failed(String user, String address) {
        throttle.failed(user, address);
    }

    /** A failed HTTP Basic sign-in, as the authentication entry point learns of it. */
    void failed(HttpServletRequest request) {
        basicCredentials(request).ifPresent(credentials -> failed(credentials.getName(), request.getRemoteAddr()));
    }

    void tooMany(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(
                request,
                response,
                Problems.problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-sign-in-attempts",
                        "Too many sign-in attempts",
                        "Too many failed sign-ins for this user or from this address; try again in " + seconds + " s"),
                headers);
    }

    private Optional<UsernamePasswordAuthenticationToken> basicCredentials(HttpServletRequest request) {
        try {
            return Optional.ofNullable(basic.convert(request));
        } catch (AuthenticationException malformed) {
            return Optional.empty();
        }
    }

    private boolean verifiedMomentsAgo(String user, String password) {
        if (!(encoder instanceof VerifiedPasswords verified)) {
            return false;
        }
        try {
            return verified.remembers(password, users.loadUserByUsername(user).getPassword());
        } catch (UsernameNotFoundException unknown) {
            return false;
        }
    }
}
