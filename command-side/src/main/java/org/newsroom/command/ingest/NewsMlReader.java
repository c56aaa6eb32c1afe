package org.newsroom.command.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.AgencySubject;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.Byline;
import org.newsroom.article.Photo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reads IPTC NewsML-G2: a {@code newsItem} (text with an XHTML or NITF inline body, or a picture with renditions), a
 * {@code packageItem} (its main group's text and pictures) and a {@code newsMessage} (the items it carries; a package
 * among them, or its first text item, is the story, its pictures go with it). Every item must be valid against the
 * NewsML-G2 2.35 Power schema with NITF 3.6 for NITF bodies; the schemas and the XML namespace schema they import are
 * resolved from the classpath, and no DTD or external entity is read.
 */
final class NewsMlReader {

    static final String G2 = "http://iptc.org/std/nar/2006-10-01/";
    private static final String SCHEMAS = "ingest/newsml-g2/";
    private static final Schema SCHEMA = schema();

    AgencyCopy read(byte[] bytes) {
        validate(bytes);
        Element root = parse(bytes).getDocumentElement();
        return switch (root.getLocalName()) {
            case "newsItem" -> new Mapping(root, Map.of()).item(root);
            case "packageItem" -> new Mapping(root, Map.of()).pack(root);
            case "newsMessage" -> message(root);
            default ->
                throw InvalidAgencyItem.refused(
                        "/" + root.getLocalName(), "a newsItem, packageItem or newsMessage is expected");
        };
    }

    private static AgencyCopy message(Element message) {
        Map<String, Element> items = new HashMap<>();
        Element pack = null;
        Element story = null;
        for (Element item : descendants(message, "newsItem")) {
            items.put(item.getAttribute("guid"), item);
            if (story == null && itemClass(item).endsWith("text")) {
                story = item;
            }
        }
        for (Element item : descendants(message, "packageItem")) {
            pack = pack == null ? item : pack;
        }
        Mapping mapping = new Mapping(message, items);
        if (pack != null) {
            return mapping.pack(pack);
        }
        if (story == null) {
            throw InvalidAgencyItem.refused("/newsMessage/itemSet", "the message carries no text item and no package");
        }
        List<Element> pictures = new ArrayList<>();
        for (Element item : items.values()) {
            if (itemClass(item).endsWith("picture")) {
                pictures.add(item);
            }
        }
        return mapping.story(story, pictures);
    }

    private static void validate(byte[] bytes) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            Validator validator = SCHEMA.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new SAXSource(reader, new InputSource(new ByteArrayInputStream(bytes))));
        } catch (SAXParseException invalid) {
            String where = "line " + invalid.getLineNumber() + ", column " + invalid.getColumnNumber();
            boolean wellFormed =
                    invalid.getMessage() != null && invalid.getMessage().startsWith("cvc-");
            throw wellFormed
                    ? InvalidAgencyItem.refused(where, "not valid NewsML-G2: " + invalid.getMessage())
                    : InvalidAgencyItem.unreadable(where, "not well-formed XML: " + invalid.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException unreadable) {
            throw InvalidAgencyItem.unreadable("/", "not readable as XML: " + unreadable.getMessage());
        }
    }

    private static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException | ParserConfigurationException unreadable) {
            throw InvalidAgencyItem.unreadable("/", "not readable as XML: " + unreadable.getMessage());
        }
    }

    private static Schema schema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(new LocalSchemas());
            return factory.newSchema(
                    new StreamSource[] {local("NewsML-G2_2.35-spec-All-Power.xsd"), local("nitf-3-6.xsd")});
        } catch (SAXException broken) {
            throw new IllegalStateException("the NewsML-G2 schemas on the classpath do not load", broken);
        }
    }

    private static StreamSource local(String name) {
        InputStream stream = NewsMlReader.class.getClassLoader().getResourceAsStream(SCHEMAS + name);
        if (stream == null) {
            throw new IllegalStateException("schema " + name + " is missing from the classpath");
        }
        return new StreamSource(stream, "classpath:" + SCHEMAS + name);
    }

    /** Every schema a schema imports or includes, from the classpath by its file name: never from the network. */
    private static final class LocalSchemas implements LSResourceResolver {
        @Override
        public LSInput resolveResource(
                String type, String namespace, String publicId, String systemId, String baseUri) {
            String name = systemId == null ? "xml.xsd" : systemId.substring(systemId.lastIndexOf('/') + 1);
            InputStream stream = NewsMlReader.class.getClassLoader().getResourceAsStream(SCHEMAS + name);
            if (stream == null) {
                throw new IllegalStateException("schema " + systemId + " is not among the local schemas");
            }
            return new LocalInput(publicId, "classpath:" + SCHEMAS + name, stream);
        }
    }

    private static String itemClass(Element item) {
        Element itemClass = first(first(item, "itemMeta"), "itemClass");
        return itemClass == null ? "" : itemClass.getAttribute("qcode");
    }

    private static List<Element> descendants(Element element, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = element.getElementsByTagNameNS(G2, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    static List<Element> children(@Nullable Element element, String localName) {
        List<Element> found = new ArrayList<>();
        if (element == null) {
            return found;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element candidate
                    && G2.equals(candidate.getNamespaceURI())
                    && localName.equals(candidate.getLocalName())) {
                found.add(candidate);
            }
        }
        return found;
    }

    static @Nullable Element first(@Nullable Element element, String localName) {
        List<Element> found = children(element, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    static @Nullable String text(@Nullable Element element) {
        return element == null
                ? null
                : Readings.firstNonBlank(element.getTextContent().replaceAll("\\s+", " "));
    }

    /** Reading one item, package or message; {@code items} are the message's items by guid, for its package. */
    private static final class Mapping {

        private final Element root;
        private final Map<String, Element> items;
        private final List<String> notes = new ArrayList<>();
        private final BodyConverter bodies = new BodyConverter();

        Mapping(Element root, Map<String, Element> items) {
            this.root = root;
            this.items = items;
        }

        AgencyCopy item(Element item) {
            if (itemClass(item).endsWith("picture") || itemClass(item).endsWith("graphic")) {
                String source = source(item);
                Photo picture = picture(item, source);
                return copy(item, source, null, picture == null ? List.of() : List.of(picture));
            }
            return story(item, List.of());
        }

        AgencyCopy story(Element story, List<Element> pictureItems) {
            String source = source(story);
            List<Photo> photos = new ArrayList<>();
            for (Element picture : pictureItems) {
                Photo photo = picture(picture, source);
                if (photo != null) {
                    photos.add(photo);
                }
            }
            Element meta = first(story, "contentMeta");
            return copy(story, source, content(story, meta, headline(meta, story), photos, source), List.of());
        }

        /** A package: the text of its main group is the story (its itemRef's title and summary when not carried). */
        AgencyCopy pack(Element pack) {
            String source = source(pack);
            Element storyItem = null;
            String refTitle = null;
            String refSummary = null;
            List<Photo> photos = new ArrayList<>();
            for (Element ref : descendants(pack, "itemRef")) {
                String itemClass = first(ref, "itemClass") == null
                        ? ""
                        : first(ref, "itemClass").getAttribute("qcode");
                Element carried = items.get(ref.getAttribute("residref"));
                if (itemClass.endsWith("picture") || itemClass.endsWith("graphic")) {
                    Photo photo = carried == null ? null : picture(carried, source);
                    if (carried == null) {
                        notes.add("picture " + ref.getAttribute("residref")
                                + " is referenced, not carried: not attached");
                    }
                    if (photo != null) {
                        photos.add(photo);
                    }
                } else if (itemClass.endsWith("text") && storyItem == null && refTitle == null) {
                    storyItem = carried;
                    refTitle = text(first(ref, "title"));
                    refSummary = description(children(ref, "description"), "drol:summary");
                }
            }
            Element meta = storyItem == null ? null : first(storyItem, "contentMeta");
            ArticleContent content;
            if (storyItem != null) {
                content = content(storyItem, meta, headline(meta, storyItem), photos, source);
            } else {
                notes.add("the package's story is referenced, not carried: its title and summary are the copy");
                String headline =
                        Readings.firstNonBlank(refTitle, text(first(first(pack, "contentMeta"), "headline")), "");
                content = new ArticleContent(
                        headline,
                        refSummary == null ? "" : refSummary,
                        "",
                        language(pack, first(pack, "contentMeta")),
                        photos,
                        bylines(first(pack, "contentMeta"), source));
            }
            return copy(pack, source, content, List.of());
        }

        private AgencyCopy copy(Element item, String source, @Nullable ArticleContent content, List<Photo> pictures) {
            Element meta = first(item, "itemMeta");
            Element contentMeta = first(item, "contentMeta");
            Element status = first(meta, "pubStatus");
            Element urgency = first(contentMeta, "urgency");
            Integer urgencyLevel = null;
            if (urgency != null) {
                try {
                    urgencyLevel = Integer.valueOf(urgency.getTextContent().strip());
                } catch (NumberFormatException notANumber) {
                    notes.add("urgency \"" + urgency.getTextContent().strip() + "\" is not a number: left out");
                }
            }
            String version = Readings.firstNonBlank(item.getAttribute("version"), "1");
            return new AgencyCopy(
                    "newsml-g2",
                    source,
                    item.getAttribute("guid"),
                    version,
                    Readings.instant(text(first(meta, "versionCreated")), "versionCreated", notes),
                    urgencyLevel,
                    subjects(contentMeta),
                    Readings.status(status == null ? null : status.getAttribute("qcode")),
                    Readings.instant(text(first(meta, "embargoed")), "embargoed", notes),
                    content,
                    pictures,
                    bodies.dropped(),
                    notes);
        }

        private ArticleContent content(
                Element item, @Nullable Element meta, String headline, List<Photo> photos, String source) {
            return new ArticleContent(
                    headline,
                    Readings.firstNonBlank(description(children(meta, "description"), "drol:summary"), ""),
                    body(item),
                    language(item, meta),
                    photos,
                    bylines(meta, source));
        }

        private String headline(@Nullable Element meta, Element item) {
            String headline = text(first(meta, "headline"));
            if (headline == null) {
                headline = Readings.firstNonBlank(
                        text(first(meta, "slugline")), text(first(first(item, "itemMeta"), "title")));
                if (headline != null) {
                    notes.add("the item has no headline: its slugline or title is the headline");
                }
            }
            return headline == null ? "" : headline;
        }

        private String body(Element item) {
            Element set = first(item, "contentSet");
            Element inline = first(set, "inlineXML");
            if (inline != null) {
                StringBuilder markup = new StringBuilder();
                for (Node child = inline.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child instanceof Element element) {
                        markup.append(serialise(element));
                    }
                }
                return markup.isEmpty() ? "" : bodies.xml(markup.toString());
            }
            Element data = first(set, "inlineData");
            return data == null ? "" : BodyConverter.text(data.getTextContent());
        }

        private @Nullable Photo picture(Element item, String storySource) {
            Element meta = first(item, "contentMeta");
            String guid = item.getAttribute("guid");
            String href = null;
            int widest = -1;
            for (Element rendition : children(first(item, "contentSet"), "remoteContent")) {
                String candidate = rendition.getAttribute("href");
                int width = rendition.getAttribute("width").isBlank()
                        ? 0
                        : Integer.parseInt(rendition.getAttribute("width").strip());
                if (Readings.isWebAddress(candidate) && width > widest) {
                    href = candidate.strip();
                    widest = width;
                }
            }
            if (href == null) {
                notes.add("picture " + guid + " has no rendition with a web address: not attached");
                return null;
            }
            String caption = Readings.firstNonBlank(
                    description(children(meta, "description"), "drol:caption"), text(first(meta, "headline")), guid);
            String creator = text(first(first(meta, "creator"), "name"));
            String credit = Readings.firstNonBlank(
                    text(first(meta, "creditline")),
                    creator == null ? null : creator + "/" + source(item),
                    storySource);
            return new Photo(Readings.photoId(guid.isBlank() ? href : guid), href, caption, credit, "");
        }

        /** The agency: the provider's name, or its qcode without the scheme, or its uri's host, else the info source. */
        private String source(Element item) {
            Element provider = first(first(item, "itemMeta"), "provider");
            Element info = first(first(item, "contentMeta"), "infoSource");
            String qcode = provider == null ? "" : provider.getAttribute("qcode");
            return Readings.firstNonBlank(
                    text(first(provider, "name")),
                    qcode.isBlank() ? null : qcode.substring(qcode.indexOf(':') + 1),
                    provider == null ? null : Readings.host(provider.getAttribute("uri")),
                    text(first(info, "name")),
                    Readings.host(root.getAttribute("guid")),
                    "unknown");
        }

        private static List<Byline> bylines(@Nullable Element meta, String source) {
            List<Byline> bylines = new ArrayList<>();
            for (Element creator : children(meta, "creator")) {
                String name = text(first(creator, "name"));
                if (name != null && bylines.size() < 10) {
                    bylines.add(new Byline(name, null, source));
                }
            }
            return bylines;
        }

        private static String language(Element item, @Nullable Element meta) {
            Element language = first(meta, "language");
            String tag = language == null ? null : language.getAttribute("tag");
            return Readings.firstNonBlank(tag, item.getAttributeNS(XMLConstants.XML_NS_URI, "lang"), "en");
        }

        private static List<AgencySubject> subjects(@Nullable Element meta) {
            List<AgencySubject> subjects = new ArrayList<>();
            for (Element subject : children(meta, "subject")) {
                String name = text(first(subject, "name"));
                String code = Readings.firstNonBlank(subject.getAttribute("qcode"), subject.getAttribute("uri"), name);
                if (code != null) {
                    subjects.add(new AgencySubject(code, name));
                }
            }
            return subjects;
        }

        private static @Nullable String description(List<Element> descriptions, String role) {
            for (Element description : descriptions) {
                if (role.equals(description.getAttribute("role"))) {
                    return text(description);
                }
            }
            return null;
        }

        private static String serialise(Element element) {
            try {
                var transformer = TransformerFactory.newInstance().newTransformer();
                transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
                StringWriter out = new StringWriter();
                transformer.transform(new DOMSource(element), new StreamResult(out));
                return out.toString();
            } catch (TransformerException broken) {
                throw new IllegalStateException("an inline body that was parsed does not serialise", broken);
            }
        }
    }
}
