package org.newsroom.query.webhooks;

import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.newsroom.platform.web.PublicAddresses;

/**
 * Where webhooks may be delivered (SSRF protection): http or https URLs without credentials whose host resolves only
 * to public addresses ({@link PublicAddresses}: every special-purpose range of the IANA registries that is not
 * globally reachable is refused). Checked at registration, and again by every delivery's connection through
 * {@link #resolver()}, which connects to the very addresses it checked. {@code allowPrivate} lifts the address rule
 * (tests run their receiver on loopback), not the scheme rule.
 */
public class TargetPolicy {

    /** Why a target is refused. */
    public static class TargetRefused extends RuntimeException {

        public TargetRefused(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;
    private final AddressGuard guard;

    public TargetPolicy(boolean allowPrivate) {
        this(allowPrivate, SystemDefaultDnsResolver.INSTANCE);
    }

    /** @param names how names are resolved (the system resolver; a stub in tests) */
    public TargetPolicy(boolean allowPrivate, DnsResolver names) {
        this.allowPrivate = allowPrivate;
        this.guard = new AddressGuard(names, allowPrivate ? address -> Optional.empty() : PublicAddresses::refusal);
    }

    /** The resolver deliveries connect through: it refuses a host that resolves to any address that is not public. */
    DnsResolver resolver() {
        return guard;
    }

    /** Throws {@link TargetRefused} unless webhooks may be delivered to {@code target}. */
    public void check(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TargetRefused("a webhook URL must be http or https, not '" + target + "'");
        }
        if (target.getHost() == null || target.getHost().isBlank()) {
            throw new TargetRefused("a webhook URL must name a host: '" + target + "'");
        }
        if (target.getRawUserInfo() != null) {
            throw new TargetRefused("a webhook URL must not carry credentials");
        }
        if (allowPrivate) {
            return;
        }
        try {
            guard.resolve(target.getHost());
        } catch (AddressGuard.Refused refused) {
            throw new TargetRefused(refused.getMessage());
        } catch (UnknownHostException e) {
            throw new TargetRefused("the host of '" + target + "' does not resolve");
        }
    }
}
