package org.newsroom.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * DESIGN.md's body subset, written here independently of the product's policy: {@code p, h2, h3, a[href], em, strong,
 * blockquote, ul, ol, li, br}, links to http(s) only. Parses published HTML as a browser would (jsoup) and names
 * every element, attribute, comment or script data outside it.
 */
final class AllowedHtml {

    static final Set<String> ELEMENTS =
            Set.of("p", "h2", "h3", "a", "em", "strong", "blockquote", "ul", "ol", "li", "br");

    private AllowedHtml() {}

    static List<String> violations(String html) {
        List<String> found = new ArrayList<>();
        Document document = Jsoup.parseBodyFragment(html);
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof Element element && depth > 0) {
                            String tag = element.normalName();
                            if (!ELEMENTS.contains(tag)) {
                                found.add("element <" + tag + ">");
                            }
                            for (Attribute attribute : element.attributes()) {
                                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                                if (!(tag.equals("a") && name.equals("href"))) {
                                    found.add("attribute " + name + " on <" + tag + ">");
                                } else if (!attribute
                                        .getValue()
                                        .trim()
                                        .toLowerCase(Locale.ROOT)
                                        .matches("https?://.*")) {
                                    found.add("link to " + attribute.getValue());
                                }
                            }
                        } else if (node instanceof Comment || node instanceof DataNode) {
                            found.add(node.nodeName() + " " + node.outerHtml());
                        }
                    }
                },
                document.body());
        return found;
    }
}
