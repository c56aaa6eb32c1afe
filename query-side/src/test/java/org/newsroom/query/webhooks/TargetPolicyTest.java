package org.newsroom.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only literal addresses here: checking them resolves nothing and sends nothing. */
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
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.254",
                "192.168.1.1",
                "169.254.169.254",
                "169.254.0.1",
                "100.64.0.1",
                "100.127.255.254",
                "224.0.0.1",
                "239.255.255.250",
                "255.255.255.255",
                "::1",
                "::",
                "fc00::1",
                "fd12:3456::1",
                "fe80::1",
                "fec0::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::10.0.0.1",
                "64:ff9b::a9fe:a9fe"
            })
    void refusesInternalAddresses(String address) throws Exception {
        assertThat(TargetPolicy.isInternal(InetAddress.getByName(address))).isTrue();
        String host = address.contains(":") ? "[" + address + "]" : address;
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
                "169.253.255.255",
                "2606:4700:4700::1111",
                "2001:db8::1"
            })
    void acceptsPublicAddresses(String address) throws Exception {
        assertThat(TargetPolicy.isInternal(InetAddress.getByName(address))).isFalse();
        String host = address.contains(":") ? "[" + address + "]" : address;
        assertThatCode(() -> policy.check(URI.create("https://" + host + "/hook")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://8.8.8.8/hook",
                "file:///etc/passwd",
                "gopher://8.8.8.8/",
                "https:///no-host",
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
}
