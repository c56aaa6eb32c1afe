package org.newsroom.command.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlBodyPolicyTest {

    static Stream<String> allowedBodies() {
        return Stream.of(
                Story.BODY,
                "",
                "Plain text, no markup",
                "<p>Read the <a href=\"https://www.afp.com/en/news\">AFP report</a>.</p>",
                "<p><a href=\"http://example.com\">http</a> <a href=\"mailto:[email protected]\">mail</a></p>",
                "<p><a href=\"/world/libya\">path</a> <a href=\"#comments\">fragment</a> <a href=\"?page=2\">query</a>"
                        + " <a href=\"../africa\">up</a> <a href=\"//cdn.example.com/x\">scheme-relative</a></p>",
                "<p><a href=\"HTTPS://EXAMPLE.COM\">upper case</a> <a>no href</a> <a href=\"\">empty</a></p>",
                "<h2>Rome</h2><h3>Tuesday</h3><blockquote><p>\"Remember the threats\"</p></blockquote>",
                "<ul><li>Tobruk</li><li>Tripoli</li></ul><ol><li>One<li>Two</ol>",
                "<p>line<br>break<br/>again</p><p><em>em</em> and <strong>strong</strong></p>",
                "<P>Upper-case tags</P>\n<p>unclosed paragraph",
                "<p>AT&amp;T &lt;3 caf\u00e9 &#8211; \u201cquotes\u201d</p>");
    }

    @ParameterizedTest
    @MethodSource("allowedBodies")
    void canUseTheAllowedSubsetAndKeepsTheBodyAsSent(String body) {
        assertThat(HtmlBodyPolicy.check(body)).isSameAs(body);
    }

    static Stream<Arguments> rejectedBodies() {
        return Stream.of(
                Arguments.of("<p>Rome</p><script>alert(1)</script>", "body contains <script>, which is not allowed"),
                Arguments.of("<p><img src=\"https://images.example.com/a.jpg\"></p>", "<img>"),
                Arguments.of("<iframe src=\"https://evil.example.com\"></iframe>", "<iframe>"),
                Arguments.of("<p style=\"color:red\">Rome</p>", "body: attribute style on <p> is not allowed"),
                Arguments.of("<p onclick=\"alert(1)\">Rome</p>", "body: attribute onclick on <p> is not allowed"),
                Arguments.of("<a href=\"https://example.com\" target=\"_blank\">x</a>", "attribute target on <a>"),
                Arguments.of("<a href=\"javascript:alert(1)\">x</a>", "body: link javascript:alert(1) is not http(s)"),
                Arguments.of("<a href=\" JaVaScRiPt:alert(1)\">x</a>", "link  JaVaScRiPt:alert(1)"),
                Arguments.of("<a href=\"java&#x09;script:alert(1)\">x</a>", "script:alert(1) is not http(s)"),
                Arguments.of("<a href=\"javascript&colon;alert(1)\">x</a>", "link javascript:alert(1)"),
                Arguments.of("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "link data:text/html"),
                Arguments.of("<a href=\"ftp://example.com/file\">x</a>", "link ftp://example.com/file"),
                Arguments.of("<a href=\"https:///no-host\">x</a>", "link https:///no-host is not a valid http(s) URL"),
                Arguments.of("<p>Rome</p><!-- editor's note -->", "comment"),
                Arguments.of("<?xml version=\"1.0\"?><p>Rome</p>", "comment"),
                Arguments.of("<![CDATA[Rome]]>", "CDATA"),
                Arguments.of("<marquee>Rome</marquee>", "<marquee>"),
                Arguments.of("<news-flash>Rome</news-flash>", "<news-flash>"),
                Arguments.of("<h1>Rome</h1>", "<h1>"),
                Arguments.of("<div><p>Rome</p></div>", "<div>"),
                Arguments.of("<svg><script>alert(1)</script></svg>", "<svg>"),
                Arguments.of("<form action=\"https://evil.example.com\"><input name=\"q\"></form>", "<form>"),
                Arguments.of("<table><tr><td>Rome</td></tr></table>", "<table>"),
                Arguments.of("<tr><td>Rome</td></tr>", "<tr>"),
                Arguments.of("<body onload=\"alert(1)\"><p>Rome</p>", "onload"),
                Arguments.of("<!DOCTYPE html><p>Rome</p>", "doctype"),
                Arguments.of("<p><em>never closed</p>", "</p>"));
    }

    @ParameterizedTest
    @MethodSource("rejectedBodies")
    void cannotUseMarkupOutsideTheSubset(String body, String named) {
        assertThatThrownBy(() -> HtmlBodyPolicy.check(body))
                .isInstanceOfSatisfying(InvalidArticleContent.class, invalid -> {
                    assertThat(invalid.code()).isEqualTo("invalid-body");
                    assertThat(invalid.field()).isEqualTo("body");
                })
                .hasMessageContaining(named);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p>x <em>unclosed</p>",
                "<em>unclosed",
                "<p>stray</strong></p>",
                "<p>5 < 6</p>",
                "<p>&copy 2017</p>"
            })
    void cannotSendMalformedMarkup(String body) {
        assertThatThrownBy(() -> HtmlBodyPolicy.check(body))
                .isInstanceOf(InvalidArticleContent.class)
                .hasMessageStartingWith("body is not well-formed HTML at 1:");
    }
}
