package org.newsroom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.0.0.0",
                "0.1.2.3",
                "10.0.0.1",
                "100.64.0.1",
                "100.127.255.254",
                "127.0.0.1",
                "127.255.255.254",
                "169.254.169.254",
                "172.16.0.1",
                "172.31.255.255",
                "192.0.0.1",
                "192.0.0.8",
                "192.0.0.9",
                "192.0.0.170",
                "192.0.2.1",
                "192.88.99.1",
                "192.168.1.1",
                "198.18.0.1",
                "198.19.255.255",
                "198.51.100.7",
                "203.0.113.9",
                "224.0.0.1",
                "239.255.255.250",
                "240.0.0.1",
                "255.255.255.255",
                "::",
                "::1",
                "::127.0.0.1",
                "::ffff:127.0.0.1",
                "::ffff:7f00:1",
                "::ffff:169.254.169.254",
                "::ffff:10.0.0.1",
                "::ffff:0:10.0.0.1",
                "64:ff9b::7f00:1",
                "64:ff9b::10.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "64:ff9b:1::1",
                "64:ff9b:1:ffff::8.8.8.8",
                "100::1",
                "2001::1",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2",
                "2001:2::1",
                "2001:10::1",
                "2001:db8::1",
                "2002::1",
                "2002:7f00:1::1",
                "2002:808:808::1",
                "3fff::1",
                "5f00::1",
                "fc00::1",
                "fd12:3456:789a::1",
                "fe80::1",
                "fec0::1",
                "ff02::1",
                "4000::1",
                "::2"
            })
    void specialPurposeAddressesAreNotPublic(String address) throws UnknownHostException {
        InetAddress parsed = PublicAddresses.literal(address).orElseThrow();

        assertThat(PublicAddresses.isPublic(parsed)).as(address).isFalse();
        assertThat(PublicAddresses.refusal(parsed)).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "93.184.215.14",
                "100.63.255.255",
                "100.128.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "192.0.1.1",
                "192.31.196.1",
                "192.52.193.1",
                "192.175.48.1",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255",
                "::ffff:8.8.8.8",
                "64:ff9b::8.8.8.8",
                "2001:1::1",
                "2001:4:112::1",
                "2001:4860:4860::8888",
                "2606:4700:4700::1111",
                "2620:4f:8000::1"
            })
    void globallyReachableAddressesArePublic(String address) {
        InetAddress parsed = PublicAddresses.literal(address).orElseThrow();

        assertThat(PublicAddresses.refusal(parsed)).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2130706433",
                "0177.0.0.1",
                "0x7f.0.0.1",
                "0x7f.1",
                "127.1",
                "0x7f000001",
                "017700000001",
                "[::1]",
                "[::ffff:127.0.0.1]",
                "[0:0:0:0:0:ffff:7f00:0001]",
                "2852039166",
                "0251.0376.0251.0376",
                "0xa9fea9fe",
                "169.16689662",
                "3323068417",
                "0306.022.0.1",
                "0xc0.0.0.1",
                "4026531841",
                "[2002:7f00:1::]",
                "[64:ff9b::7f00:1]",
                "[64:FF9B:1::1]"
            })
    void everyWayOfWritingAnInternalAddressIsReadAsTheAddressItIs(String host) {
        InetAddress parsed = PublicAddresses.literal(host).orElseThrow();

        assertThat(PublicAddresses.isPublic(parsed)).as(host + " = " + parsed).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"images.example.com", "localhost", "10.0.0.0/8", "1-2.3.4.5", "*", "", "127.0.0.1.evil"})
    void namesRangesAndWildcardsAreNoLiteral(String host) {
        assertThat(PublicAddresses.literal(host)).as(host).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"2130706433:127.0.0.1", "0177.0.0.1:127.0.0.1", "0x7f.1:127.0.0.1", "[::1]:0:0:0:0:0:0:0:1"})
    void encodingsAreReadAsBrowsersReadThem(String hostAndExpected) throws UnknownHostException {
        int split = hostAndExpected.indexOf(':', hostAndExpected.startsWith("[") ? hostAndExpected.indexOf(']') : 0);
        String host = hostAndExpected.substring(0, split);
        InetAddress expected = InetAddress.getByName(hostAndExpected.substring(split + 1));

        assertThat(PublicAddresses.literal(host)).contains(expected);
    }
}
