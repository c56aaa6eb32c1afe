package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Literal addresses, and names answered by a stub resolver: checking them sends nothing anywhere. */
class TargetPolicyTest {

    private final TargetPolicy policy = new TargetPolicy(false);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.8.9.10",
                "0.0.0.0",
                "0.1.2.3",
                "10.0.0.1",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "198.18.0.1",
                "198.19.255.254",
                "192.0.0.1",
                "192.0.0.170",
                "192.0.2.10",
                "198.51.100.10",
                "203.0.113.10",
                "240.0.0.1",
                "250.1.2.3",
                "224.0.0.1",
                "255.255.255.255",
                "[::1]",
                "[::]",
                "[fc00::1]",
                "[fe80::1]",
                "[ff02::1]",
                "[::ffff:127.0.0.1]",
                "[::ffff:7f00:1]",
                "[::ffff:169.254.169.254]",
                "[::ffff:198.18.0.1]",
                "[::10.0.0.1]",
                "[2002::1]",
                "[2002:c0a8:101::1]",
                "[64:ff9b::a9fe:a9fe]",
                "[64:ff9b::7f00:1]",
                "[64:ff9b:1::808:808]",
                "[2001:db8::1]",
                "2130706433",
                "0177.0.0.1",
                "0x7f000001",
                "017700000001",
                "3323068417",
                "4026531841",
                "2852039166"
            })
    void refusesEveryRangeThatIsNotGloballyReachableHoweverItIsWritten(String host) {
        assertThatThrownBy(() -> policy.check(URI.create("https://" + host + "/hook")))
                .isInstanceOf(TargetPolicy.TargetRefused.class)
                .hasMessageContaining("internal address");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "93.184.216.34",
                "172.15.255.255",
                "172.32.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "192.169.0.1",
                "198.17.255.255",
                "198.20.0.1",
                "169.253.255.255",
                "[2606:4700:4700::1111]",
                "[::ffff:8.8.8.8]",
                "[64:ff9b::8.8.8.8]"
            })
    void acceptsPublicAddresses(String host) {
        assertThatCode(() -> policy.check(URI.create("https://" + host + "/hook")))
                .doesNotThrowAnyException();
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsInternal() throws UnknownHostException {
        DnsResolver names = stub(Map.of(
                "partner.example.com", new InetAddress[] {InetAddress.getByName("8.8.8.8")},
                "mixed.example.com",
                        new InetAddress[] {InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.1.2.3")},
                "metadata.example.com", new InetAddress[] {InetAddress.getByName("169.254.169.254")}));
        TargetPolicy stubbed = new TargetPolicy(false, names);

        assertThatCode(() -> stubbed.check(URI.create("https://partner.example.com/hook")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> stubbed.check(URI.create("https://mixed.example.com/hook")))
                .isInstanceOf(TargetPolicy.TargetRefused.class)
                .hasMessageContaining("10.1.2.3")
                .hasMessageContaining("private-use");
        assertThatThrownBy(() -> stubbed.check(URI.create("https://metadata.example.com/hook")))
                .hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> stubbed.check(URI.create("https://unknown.example.com/hook")))
                .isInstanceOf(TargetPolicy.TargetRefused.class)
                .hasMessageContaining("does not resolve");
        assertThatThrownBy(() -> stubbed.resolver().resolve("mixed.example.com"))
                .isInstanceOf(AddressGuard.Refused.class);
        assertThat(stubbed.resolver().resolve("partner.example.com")).containsExactly(InetAddress.getByName("8.8.8.8"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://8.8.8.8/hook",
                "file:///etc/passwd",
                "gopher://8.8.8.8/",
                "https:///no-host",
                "https://127.1/hook",
                "https://0x7f.1/hook",
                "https://0306.022.0.1/hook",
                "https://user:secret@8.8.8.8/hook",
                "mailto:someone@example.com"
            })
    void refusesWhatIsNotAPlainHttpUrl(String url) {
        assertThatThrownBy(() -> new TargetPolicy(true).check(URI.create(url)))
                .isInstanceOf(TargetPolicy.TargetRefused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost:9/hook", "https://10.0.0.1/hook"})
    void allowsInternalAddressesOnlyWhenConfiguredTo(String url) {
        assertThatCode(() -> new TargetPolicy(true).check(URI.create(url))).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(URI.create(url))).isInstanceOf(TargetPolicy.TargetRefused.class);
    }

    static DnsResolver stub(Map<String, InetAddress[]> answers) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] answer = answers.get(host);
                if (answer == null) {
                    throw new UnknownHostException(host);
                }
                return answer;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }
}
