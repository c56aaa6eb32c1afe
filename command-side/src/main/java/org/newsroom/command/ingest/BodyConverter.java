package org.newsroom.command.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;
import org.newsroom.article.DroppedMarkup;

/**
 * Turns an agency body (XHTML, HTML, NITF, plain text) into the article HTML subset (p, h2, h3, a[href], em, strong,
 * blockquote, ul, ol, li, br) and lists what had no place in it: markup that maps to the subset is renamed (NITF
 * {@code hl2} and XHTML {@code h1} become h2, {@code b} strong, {@code i} em), containers ({@code div}, NITF
 * {@code block}, {@code span}) are unwrapped, and what carries no reading text of its own (tables, media, scripts,
 * NITF's {@code body.head} that repeats headline and byline) is removed with its content.
 */
final class BodyConverter {

    private static final Set<String> KEPT =
            Set.of("p", "h2", "h3", "em", "strong", "blockquote", "ul", "ol", "li", "br");
    private static final Map<String, String> RENAMED = Map.of(
            "b", "strong",
            "i", "em",
            "hl2", "h2",
            "h1", "h2",
            "h4", "h3",
            "h5", "h3",
            "h6", "h3",
            "bq", "blockquote",
            "q", "em");
    private static final Set<String> REMOVED = Set.of(
            "script",
            "style",
            "table",
            "media",
            "img",
            "figure",
            "iframe",
            "object",
            "embed",
            "video",
            "audio",
            "svg",
            "math",
            "form",
            "body.head",
            "body.end",
            "head",
            "title",
            "hl1",
            "note");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern BLANK_LINES = Pattern.compile("\\r?\\n\\s*\\r?\\n");

    private final Map<String, DroppedMarkup> dropped = new LinkedHashMap<>();

    /** What the conversions so far left out, in the order first met. */
    List<DroppedMarkup> dropped() {
        return List.copyOf(dropped.values());
    }

    /** An HTML or XHTML body (a ninjs body, an XHTML inlineXML). */
    String html(String markup) {
        return convert(Jsoup.parseBodyFragment(markup).body());
    }

    /** An XML body (NITF, namespaced XHTML): element names are read without their prefix. */
    String xml(String markup) {
        Document parsed = Jsoup.parse(markup, "", Parser.xmlParser());
        return convert(parsed);
    }

    /** Plain text: paragraphs where the agency left blank lines, one paragraph when it left none. */
    static String text(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : BLANK_LINES.split(text.strip())) {
            String line = paragraph.strip().replaceAll("\\s+", " ");
            if (!line.isEmpty()) {
                html.append("<p>").append(Entities.escape(line)).append("</p>");
            }
        }
        return html.toString();
    }

    private String convert(Element root) {
        Document out = Document.createShell("");
        out.outputSettings().prettyPrint(false);
        Element body = out.body();
        for (Node child : List.copyOf(root.childNodes())) {
            copy(child, body);
        }
        return body.html().strip();
    }

    private void copy(Node node, Element into) {
        if (node instanceof TextNode text) {
            into.appendText(text.getWholeText());
        } else if (node instanceof Comment) {
            drop("<!-- -->", "removed");
        } else if (node instanceof Element element) {
            String name = localName(element);
            if (REMOVED.contains(name)) {
                drop("<" + name + ">", "removed");
                return;
            }
            String target = KEPT.contains(name) || name.equals("a") ? name : RENAMED.get(name);
            Element next = into;
            if (target == null) {
                if (!isContainer(name)) {
                    drop("<" + name + ">", "unwrapped");
                    attributes(element, name, null);
                }
            } else {
                next = into.appendElement(target);
                attributes(element, name, next);
                if (name.equals("a") && !next.hasAttr("href")) {
                    next.tagName("span");
                }
            }
            for (Node child : List.copyOf(element.childNodes())) {
                copy(child, next);
            }
            if (next != into && next.tagName().equals("span")) {
                next.unwrap();
            }
        } else {
            drop(node.nodeName(), "removed");
        }
    }

    /** Keeps a link's address on {@code target}; every other attribute (all of them, without a target) is dropped. */
    private void attributes(Element source, String name, @Nullable Element target) {
        for (Attribute attribute : source.attributes()) {
            String key = attribute.getKey();
            if (target != null && name.equals("a") && key.equals("href") && linkable(attribute.getValue())) {
                target.attr("href", attribute.getValue().strip());
            } else if (!key.startsWith("xmlns")) {
                drop("@" + key, "removed");
            }
        }
    }

    /** The agency's wrappers around a body: they carry no meaning of their own, so dropping them is not reported. */
    private static boolean isContainer(String name) {
        return name.equals("body")
                || name.equals("body.content")
                || name.equals("nitf")
                || name.equals("html")
                || name.equals("#root");
    }

    private static boolean linkable(String href) {
        var scheme = SCHEME.matcher(href.strip());
        return scheme.find() && LINK_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
    }

    private static String localName(Element element) {
        String name = element.normalName();
        int colon = name.indexOf(':');
        return (colon < 0 ? name : name.substring(colon + 1)).toLowerCase(Locale.ROOT);
    }

    private void drop(String markup, String treatment) {
        dropped.merge(
                markup + " " + treatment,
                new DroppedMarkup(markup, 1, treatment),
                (known, again) -> new DroppedMarkup(known.markup(), known.count() + 1, treatment));
    }
}
