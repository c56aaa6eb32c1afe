package org.newsroom.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Roles of a JWT from one claim ({@code newsroom.security.jwt.roles-claim}, default {@code roles}), given as a JSON
 * array or a space-separated string, in any case: {@code ["Editor"]} grants {@code ROLE_editor}.
 */
final class JwtRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final String claim;

    JwtRoles(String claim) {
        this.claim = claim;
    }

    static JwtAuthenticationConverter converter(String rolesClaim, String principalClaim) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new JwtRoles(rolesClaim));
        converter.setPrincipalClaimName(principalClaim);
        return converter;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        Object value = jwt.getClaims().get(claim);
        Stream<String> names;
        if (value instanceof Collection<?> list) {
            names = list.stream().map(String::valueOf);
        } else if (value instanceof String text) {
            names = Stream.of(text.trim().split("\\s+"));
        } else {
            names = Stream.empty();
        }
        List<GrantedAuthority> authorities = names.filter(name -> !name.isBlank())
                .map(name -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name.toLowerCase(Locale.ROOT)))
                .distinct()
                .toList();
        return authorities;
    }
}
