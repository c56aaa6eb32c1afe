package org.newsroom.query.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;

import org.apache.hc.client5.http.DnsResolver;
import org.newsroom.platform.web.PublicAddresses;

/**
 * The resolver of the webhook HTTP client, and the address check in one: a host is resolved once (an IP literal in
 * any encoding is read by {@link PublicAddresses#literal}, a name is asked of {@code names}), every address it
 * resolves to is checked, and the client connects to one of exactly those addresses, with the name kept for the
 * {@code Host} header, TLS SNI and certificate verification. A DNS answer that changes between the check and the
 * connection (rebinding) therefore changes nothing: there is no second lookup.
 */
final class AddressGuard implements DnsResolver {

    /** The host resolves to an address webhooks may not be sent to. */
    static final class Refused extends UnknownHostException {

        Refused(String message) {
            super(message);
        }
    }

    private final DnsResolver names;
    private final Function<InetAddress, java.util.Optional<String>> refusal;

    /** @param refusal why an address is refused, or empty when it may be connected to */
    AddressGuard(DnsResolver names, Function<InetAddress, java.util.Optional<String>> refusal) {
        this.names = names;
        this.refusal = refusal;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = PublicAddresses.literal(host)
                .map(literal -> new InetAddress[] {literal})
                .orElse(null);
        if (addresses == null) {
            addresses = names.resolve(host);
        }
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            java.util.Optional<String> refused = refusal.apply(address);
            if (refused.isPresent()) {
                throw new Refused("'" + host + "' resolves to " + address.getHostAddress() + ", an internal address ("
                        + refused.get() + "); webhooks are delivered to public addresses only");
            }
        }
        return addresses.clone();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return names.resolveCanonicalHostname(host);
    }
}
