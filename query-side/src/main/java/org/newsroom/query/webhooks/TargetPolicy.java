package org.newsroom.query.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where webhooks may be delivered (SSRF protection): http or https URLs whose host resolves only to public addresses.
 * Refused: loopback (127/8, ::1), unspecified (0.0.0.0, ::), "this network" (0/8), private (10/8, 172.16/12,
 * 192.168/16, fc00::/7, and the deprecated site-local fec0::/10), carrier-grade NAT (100.64/10), link-local
 * (169.254/16, including the cloud metadata address 169.254.169.254, and fe80::/10), multicast and broadcast, and
 * IPv6 addresses that embed one of these IPv4 addresses (IPv4-mapped, IPv4-compatible, NAT64). Checked
 * at registration and again before every delivery, since DNS answers change. {@code allowPrivate} lifts the address
 * rule (tests run their receiver on loopback), not the scheme rule.
 */
public class TargetPolicy {

    /** Why a target is refused. */
    public static class TargetRefused extends RuntimeException {

        public TargetRefused(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;

    public TargetPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
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
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(target.getHost());
        } catch (UnknownHostException e) {
            throw new TargetRefused("the host of '" + target + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new TargetRefused("'" + target.getHost() + "' resolves to " + address.getHostAddress()
                        + ", an internal address; webhooks are delivered to public addresses only");
            }
        }
    }

    /** The IPv4 address inside an IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address, if any. */
    private static byte[] embeddedIpv4(byte[] ipv6) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= ipv6[i] == 0;
        }
        boolean nat64 = (ipv6[0] & 0xff) == 0x00
                && (ipv6[1] & 0xff) == 0x64
                && (ipv6[2] & 0xff) == 0xff
                && (ipv6[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = ipv6[i] == 0;
        }
        if (!compatible && !nat64) {
            return null;
        }
        return java.util.Arrays.copyOfRange(ipv6, 12, 16);
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                try {
                    return isInternal(InetAddress.getByAddress(embedded));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return (bytes[0] & 0xfe) == 0xfc;
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return first == 0
                || (first == 100 && second >= 64 && second <= 127)
                || (first == 255 && second == 255 && (bytes[2] & 0xff) == 255 && (bytes[3] & 0xff) == 255);
    }
}
