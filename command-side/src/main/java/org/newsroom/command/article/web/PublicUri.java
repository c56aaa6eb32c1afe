package org.newsroom.command.article.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.newsroom.platform.web.PublicAddresses;
import org.springframework.beans.factory.annotation.Value;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The URL's host is public ({@link PublicAddresses}): editors' browsers load photo URIs, so one pointing at an
 * internal host would have them fetch from inside the network. Refused: an IP address in a special-purpose range,
 * however it is written ({@code 10.0.0.1}, {@code 2130706433}, {@code [::ffff:127.0.0.1]}); {@code localhost} and
 * names under {@code .localhost}, {@code .local}, {@code .internal} or {@code .home.arpa}; names of one label; names
 * that resolve here to an address that is not public. A name that does not resolve here passes: the browser decides.
 * {@code newsroom.photos.allow-private-uris=true} lifts the rule, for trials. Malformed and non-http(s) URIs pass:
 * the article's content policy refuses those with its own code.
 */
@Documented
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PublicUri.Validator.class)
@interface PublicUri {

    String message() default "must point at a public host";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<PublicUri, String> {

        private final boolean allowPrivate;

        Validator(@Value("${newsroom.photos.allow-private-uris:false}") boolean allowPrivate) {
            this.allowPrivate = allowPrivate;
        }

        @Override
        public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
            if (value == null || allowPrivate) {
                return true;
            }
            Optional<String> refusal = refusal(value);
            refusal.ifPresent(why -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(
                                why.replace("{", "(").replace("}", ")").replace("$", ""))
                        .addConstraintViolation();
            });
            return refusal.isEmpty();
        }

        static Optional<String> refusal(String value) {
            String host = host(value.trim());
            if (host == null || host.isBlank()) {
                return Optional.empty();
            }
            Optional<InetAddress> literal = PublicAddresses.literal(host);
            if (literal.isPresent()) {
                return PublicAddresses.refusal(literal.get())
                        .map(range ->
                                "must point at a public host, not " + host + ", an internal address (" + range + ")");
            }
            String name = host.toLowerCase(Locale.ROOT);
            if (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            if (!name.contains(".")
                    || name.endsWith(".localhost")
                    || name.endsWith(".local")
                    || name.endsWith(".internal")
                    || name.endsWith(".home.arpa")) {
                return Optional.of("must point at a public host, not " + host + ", a name of the local network");
            }
            try {
                for (InetAddress address : InetAddress.getAllByName(name)) {
                    Optional<String> range = PublicAddresses.refusal(address);
                    if (range.isPresent()) {
                        return Optional.of("must point at a public host, not " + host + ", which resolves to "
                                + address.getHostAddress() + ", an internal address (" + range.get() + ")");
                    }
                }
            } catch (UnknownHostException unresolved) {
                return Optional.empty();
            }
            return Optional.empty();
        }

        /** The host of an http(s) URL, also when {@link URI} reads it as a registry name ({@code https://127.1/}). */
        private static @Nullable String host(String value) {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    return null;
                }
                if (uri.getHost() != null) {
                    return uri.getHost();
                }
                String authority = uri.getRawAuthority();
                if (authority == null) {
                    return null;
                }
                authority = authority.substring(authority.lastIndexOf('@') + 1);
                int port = authority.lastIndexOf(':');
                return port > authority.lastIndexOf(']') ? authority.substring(0, port) : authority;
            } catch (URISyntaxException malformed) {
                return null;
            }
        }
    }
}
