package org.newsroom.platform.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * What a bearer token must hold besides a valid signature, issuer and times (which the issuer's decoder checks): an
 * expiry ({@code exp}), this service among its audiences ({@code aud} contains {@code newsroom.security.jwt.audience}),
 * a subject ({@code sub}) and the principal claim ({@code newsroom.security.jwt.principal-claim}, by default
 * {@code sub}), whose value is the user's name everywhere: {@code /api/me}, the actor of the events it records.
 */
final class JwtRules {

    private JwtRules() {}

    static JwtDecoder strict(JwtDecoder decoder, String audience, String principalClaim) {
        OAuth2TokenValidator<Jwt> rules = validator(audience, principalClaim);
        return token -> {
            Jwt jwt = decoder.decode(token);
            OAuth2TokenValidatorResult result = rules.validate(jwt);
            if (result.hasErrors()) {
                Collection<OAuth2Error> errors = result.getErrors();
                throw new JwtValidationException(
                        errors.stream().map(OAuth2Error::getDescription).collect(Collectors.joining("; ")), errors);
            }
            return jwt;
        };
    }

    static OAuth2TokenValidator<Jwt> validator(String audience, String principalClaim) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, JwtRules::present),
                new JwtClaimValidator<Object>(principalClaim, JwtRules::present),
                new JwtClaimValidator<Collection<String>>(
                        JwtClaimNames.AUD, audiences -> audiences != null && audiences.contains(audience))));
    }

    private static boolean present(Object value) {
        return value != null && !value.toString().isBlank();
    }
}
