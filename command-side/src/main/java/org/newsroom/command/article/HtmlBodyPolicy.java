package org.newsroom.command.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

final class HtmlBodyPolicy {

    private static final Set<String> ALLOWED_ELEMENTS =
            Set.of("p", "h2", "h3", "a", "em", "strong", "blockquote", "ul", "ol", "li", "br");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern URL_EDGE = Pattern.compile("^[\\x00-\\x20]+|[\\x00-\\x20]+$");
    private static final Pattern URL_IGNORED = Pattern.compile("[\\t\\n\\r]");

    private HtmlBodyPolicy() {}

    static String check(String body) {
        // Jsoup.parseBodyFragment drops some markup from the tree without a trace (a stray <tr>, a <body onload>);
        // the same fragment parse with error tracking reports it.
        Parser parser = Parser.htmlParser().setTrackErrors(1);
        List<Node> nodes =
                parser.parseFragmentInput(body, Document.createShell("").body(), "");
        for (Node node : nodes) {
            node.forEachNode(HtmlBodyPolicy::checkNode);
        }
        if (!parser.getErrors().isEmpty()) {
            ParseError error = parser.getErrors().get(0);
            throw invalid("body is not well-formed HTML at " + error.getCursorPos() + ": " + error.getErrorMessage());
        }
        return body;
    }

    /** The text a reader sees of a body: its markup left out. */
    static String text(String body) {
        return body == null ? "" : org.jsoup.Jsoup.parseBodyFragment(body).text();
    }

    private static void checkNode(Node node) {
        if (node instanceof Element element) {
            checkElement(element);
        } else if (node instanceof Comment) {
            throw invalid("body contains a comment, which is not allowed");
        } else if (node instanceof CDataNode) {
            throw invalid("body contains a CDATA section, which is not allowed");
        } else if (!(node instanceof TextNode)) {
            throw invalid("body contains " + node.nodeName() + ", which is not allowed");
        }
    }

    private static void checkElement(Element element) {
        String tag = element.normalName();
        if (!ALLOWED_ELEMENTS.contains(tag)) {
            throw invalid("body contains <" + tag + ">, which is not allowed");
        }
        for (Attribute attribute : element.attributes()) {
            if (!(tag.equals("a") && attribute.getKey().equals("href"))) {
                throw invalid("body: attribute " + attribute.getKey() + " on <" + tag + "> is not allowed");
            }
            checkLink(attribute.getValue());
        }
    }

    private static void checkLink(String href) {
        String url = URL_IGNORED.matcher(URL_EDGE.matcher(href).replaceAll("")).replaceAll("");
        var scheme = SCHEME.matcher(url);
        if (!scheme.find()) {
            return;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!LINK_SCHEMES.contains(name)) {
            throw invalid("body: link " + href + " is not http(s), mailto or relative");
        }
        if (!name.equals("mailto") && !hasHost(url)) {
            throw invalid("body: link " + href + " is not a valid http(s) URL");
        }
    }

    private static boolean hasHost(String url) {
        try {
            return new URI(url).getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    private static InvalidArticleContent invalid(String message) {
        return new InvalidArticleContent("invalid-body", "body", message);
    }
}
