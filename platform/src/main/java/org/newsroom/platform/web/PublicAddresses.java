package org.newsroom.platform.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;

/**
 * Which IP addresses are public, for everything that makes a server or an editor's browser fetch a URL that a user
 * gave (webhook targets, photo URIs). An address is public unless it lies in a range of the IANA IPv4 or IPv6
 * Special-Purpose Address Registry (RFC 6890 and its updates: RFC 8190, 9602, 9637, 9780) that is not marked globally
 * reachable, in multicast, or, for IPv6, outside global unicast (2000::/3). IPv6 forms that carry an IPv4 address to
 * be translated (IPv4-mapped ::ffff:0:0/96, the NAT64 well-known prefix 64:ff9b::/96) are judged by that IPv4
 * address. The whole of 192.0.0.0/24 is refused, its two anycast addresses included, and so is 6to4 (2002::/16,
 * deprecated by RFC 7526) and Teredo (2001::/32), whose embedded addresses cannot be trusted.
 * <p>
 * Textual addresses are read the way resolvers and browsers read them ({@link #literal}): {@code 2130706433},
 * {@code 0177.0.0.1}, {@code 0x7f.1} and {@code 127.1} are all 127.0.0.1.
 */
public final class PublicAddresses {

    private record Range(IPAddress block, String name) {

        static Range of(String cidr, String name) {
            return new Range(new IPAddressString(cidr).getAddress(), name);
        }

        boolean contains(IPAddress address) {
            return block.contains(address);
        }
    }

    private static final List<Range> IPV4 = List.of(
            Range.of("0.0.0.0/8", "'this network' (0.0.0.0/8)"),
            Range.of("10.0.0.0/8", "private-use (10.0.0.0/8)"),
            Range.of("100.64.0.0/10", "shared address space, carrier-grade NAT (100.64.0.0/10)"),
            Range.of("127.0.0.0/8", "loopback (127.0.0.0/8)"),
            Range.of("169.254.0.0/16", "link-local, cloud metadata (169.254.0.0/16)"),
            Range.of("172.16.0.0/12", "private-use (172.16.0.0/12)"),
            Range.of("192.0.0.0/24", "IETF protocol assignments (192.0.0.0/24)"),
            Range.of("192.0.2.0/24", "documentation, TEST-NET-1 (192.0.2.0/24)"),
            Range.of("192.88.99.0/24", "deprecated 6to4 relay anycast (192.88.99.0/24)"),
            Range.of("192.168.0.0/16", "private-use (192.168.0.0/16)"),
            Range.of("198.18.0.0/15", "benchmarking (198.18.0.0/15)"),
            Range.of("198.51.100.0/24", "documentation, TEST-NET-2 (198.51.100.0/24)"),
            Range.of("203.0.113.0/24", "documentation, TEST-NET-3 (203.0.113.0/24)"),
            Range.of("224.0.0.0/4", "multicast (224.0.0.0/4)"),
            Range.of("240.0.0.0/4", "reserved, limited broadcast (240.0.0.0/4)"));

    /** The registry's globally reachable entries inside 2001::/23, which is otherwise refused. */
    private static final List<Range> IPV6_GLOBAL = List.of(
            Range.of("2001:1::1/128", "Port Control Protocol anycast"),
            Range.of("2001:1::2/128", "TURN anycast"),
            Range.of("2001:1::3/128", "DNS-SD service registration anycast"),
            Range.of("2001:3::/32", "AMT"),
            Range.of("2001:4:112::/48", "AS112-v6"),
            Range.of("2001:20::/28", "ORCHIDv2"),
            Range.of("2001:30::/28", "drone remote ID"));

    private static final List<Range> IPV6 = List.of(
            Range.of("::/128", "unspecified (::)"),
            Range.of("::1/128", "loopback (::1)"),
            Range.of("64:ff9b:1::/48", "local-use IPv4/IPv6 translation (64:ff9b:1::/48)"),
            Range.of("100::/64", "discard-only (100::/64)"),
            Range.of("100:0:0:1::/64", "dummy prefix (100:0:0:1::/64)"),
            Range.of("2001::/32", "Teredo (2001::/32)"),
            Range.of("2001::/23", "IETF protocol assignments (2001::/23)"),
            Range.of("2001:db8::/32", "documentation (2001:db8::/32)"),
            Range.of("2002::/16", "6to4 (2002::/16)"),
            Range.of("3fff::/20", "documentation (3fff::/20)"),
            Range.of("5f00::/16", "segment routing SIDs (5f00::/16)"),
            Range.of("fc00::/7", "unique local (fc00::/7)"),
            Range.of("fe80::/10", "link-local (fe80::/10)"),
            Range.of("fec0::/10", "deprecated site-local (fec0::/10)"),
            Range.of("ff00::/8", "multicast (ff00::/8)"));

    /** One address, in any form a resolver accepts; no ranges, wildcards, prefixes, masks or empty strings. */
    private static final IPAddressStringParameters ONE_ADDRESS = new IPAddressStringParameters.Builder()
            .allow_inet_aton(true)
            .allowSingleSegment(true)
            .allowEmpty(false)
            .allowAll(false)
            .allowPrefix(false)
            .allowMask(false)
            .allowPrefixOnly(false)
            .allowWildcardedSeparator(false)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .toParams();

    private static final Range GLOBAL_UNICAST = Range.of("2000::/3", "global unicast");
    private static final Range IPV4_MAPPED = Range.of("::ffff:0:0/96", "IPv4-mapped");
    private static final Range NAT64 = Range.of("64:ff9b::/96", "NAT64 well-known prefix");

    private PublicAddresses() {}

    public static boolean isPublic(InetAddress address) {
        return refusal(address).isEmpty();
    }

    /** Why {@code address} is not public: the special-purpose range it lies in; empty when it is public. */
    public static Optional<String> refusal(InetAddress address) {
        if (address instanceof Inet4Address ipv4) {
            return refusal(new IPv4Address(ipv4));
        }
        return refusal(new IPv6Address((Inet6Address) address));
    }

    private static Optional<String> refusal(IPAddress address) {
        if (address instanceof IPv4Address ipv4) {
            return firstContaining(IPV4, ipv4);
        }
        IPv6Address ipv6 = ((IPv6Address) address).removeZone();
        if (IPV4_MAPPED.contains(ipv6) || NAT64.contains(ipv6)) {
            return refusal(ipv6.getEmbeddedIPv4Address()).map(name -> name + ", embedded in " + ipv6);
        }
        if (firstContaining(IPV6_GLOBAL, ipv6).isPresent()) {
            return Optional.empty();
        }
        Optional<String> special = firstContaining(IPV6, ipv6);
        if (special.isPresent() || GLOBAL_UNICAST.contains(ipv6)) {
            return special;
        }
        return Optional.of("outside IPv6 global unicast (2000::/3)");
    }

    private static Optional<String> firstContaining(List<Range> ranges, IPAddress address) {
        return ranges.stream()
                .filter(range -> range.contains(address))
                .map(Range::name)
                .findFirst();
    }

    /**
     * The address a host part of a URL stands for when it is written as an IP address, in any of the forms resolvers
     * accept (dotted, decimal, octal or hexadecimal parts, fewer than four parts; IPv6 with or without brackets, with
     * an embedded IPv4 address); empty for a name.
     */
    public static Optional<InetAddress> literal(String host) {
        String bare = host.trim();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        IPAddressString text = new IPAddressString(bare.toLowerCase(Locale.ROOT), ONE_ADDRESS);
        if (!text.isIPAddress() || text.getAddress().isMultiple()) {
            return Optional.empty();
        }
        return Optional.of(text.getAddress().toInetAddress());
    }
}
