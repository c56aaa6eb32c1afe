package org.newsroom.command.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.AgencySubject;
import org.newsroom.article.ArticleContent;
import org.newsroom.article.Photo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Reads IPTC ninjs 1.x, 2.x and 3.x. The line is the one the item declares ({@code $standard.version}), else the one
 * its property names belong to (camelCase is 3.x; {@code headlines} and {@code by} in lower case 2.x; {@code byline},
 * {@code headline} and {@code body_*} 1.x); the item must be valid against that line's official schema, loaded from
 * the classpath with GeoJSON mapped locally (nothing is fetched). The three lines are then read through one set of
 * names: the lower-case spelling of each property is looked up alongside the camelCase one.
 */
final class NinjsReader {

    private static final String GEOJSON = "https://geojson.org/schema/GeoJSON.json";
    private static final Map<String, JsonSchema> SCHEMAS = schemas();
    private static final Set<String> HTML_TYPES =
            Set.of("text/html", "application/xhtml+xml", "body_xhtml", "body_html");

    private final ObjectMapper mapper;

    NinjsReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    AgencyCopy read(byte[] bytes) {
        JsonNode item;
        try {
            item = mapper.readTree(bytes);
        } catch (JsonProcessingException malformed) {
            var at = malformed.getLocation();
            throw InvalidAgencyItem.unreadable(
                    at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
                    "not well-formed JSON: " + malformed.getOriginalMessage());
        } catch (IOException unreadable) {
            throw InvalidAgencyItem.unreadable("$", "not readable as JSON: " + unreadable.getMessage());
        }
        if (!(item instanceof ObjectNode)) {
            throw InvalidAgencyItem.unreadable("$", "a ninjs item is a JSON object");
        }
        String line = line(item);
        List<ValidationMessage> problems = new ArrayList<>(SCHEMAS.get(line).validate(item));
        if (!problems.isEmpty()) {
            // a property that failed its own rule is also reported at the root as not evaluated: name the property
            problems.sort(Comparator.comparing((ValidationMessage message) ->
                            message.getInstanceLocation().toString().equals("$"))
                    .thenComparing(message -> message.getInstanceLocation().toString()));
            ValidationMessage first = problems.get(0);
            throw InvalidAgencyItem.refused(
                    first.getInstanceLocation().toString(), "not valid ninjs " + line + ": " + first.getMessage());
        }
        return new Mapping(item, "ninjs-" + line).copy();
    }

    /** The schema line an item is read as: {@code 1.6}, {@code 2.2}, {@code 3.0} or {@code 3.1}. */
    static String line(JsonNode item) {
        String declared = item.path("$standard").path("version").asText("");
        if (declared.startsWith("1.")) {
            return "1.6";
        } else if (declared.startsWith("2.")) {
            return "2.2";
        } else if (declared.equals("3.0")) {
            return "3.0";
        } else if (declared.startsWith("3.")) {
            return "3.1";
        }
        for (String camel : List.of(
                "versionCreated", "firstCreated", "pubStatus", "embargoedUntil", "copyrightHolder", "infoSources")) {
            if (item.has(camel)) {
                return "3.1";
            }
        }
        if (item.path("headlines").path(0).has("contentType")
                || item.path("bodies").path(0).has("contentType")) {
            return "3.1";
        }
        if (item.has("headlines") || item.has("bodies") || item.has("descriptions") || item.has("by")) {
            return "2.2";
        }
        return "1.6";
    }

    private static Map<String, JsonSchema> schemas() {
        Map<String, JsonSchema> schemas = new LinkedHashMap<>();
        JsonSchemaFactory draft7 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
        schemas.put("1.6", draft7.getSchema(SchemaLocation.of("classpath:ingest/ninjs/ninjs-schema_1.6.json")));
        JsonSchemaFactory current = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(
                        mappers -> mappers.mapPrefix(GEOJSON, "classpath:ingest/ninjs/GeoJSON-schema.json")));
        for (String line : List.of("2.2", "3.0", "3.1")) {
            schemas.put(
                    line,
                    current.getSchema(SchemaLocation.of("classpath:ingest/ninjs/ninjs-schema_" + line + ".json")));
        }
        return Map.copyOf(schemas);
    }

    /** One item read through the names of all three lines. */
    private static final class Mapping {

        private final JsonNode item;
        private final String format;
        private final List<String> notes = new ArrayList<>();
        private final BodyConverter bodies = new BodyConverter();

        Mapping(JsonNode item, String format) {
            this.item = item;
            this.format = format;
        }

        AgencyCopy copy() {
            String uri = item.path("uri").asText();
            String source = source(uri);
            String versionCreatedText = text(item, "versionCreated");
            String version = Readings.firstNonBlank(text(item, "version"), versionCreatedText, "1");
            List<Photo> pictures = new ArrayList<>();
            ArticleContent content = null;
            if ("picture".equals(item.path("type").asText())) {
                Photo picture = picture(item, uri, source);
                if (picture != null) {
                    pictures.add(picture);
                }
            } else {
                content = article(source);
            }
            return new AgencyCopy(
                    format,
                    source,
                    uri,
                    version,
                    Readings.instant(versionCreatedText, "versionCreated", notes),
                    urgency(),
                    subjects(),
                    Readings.status(text(item, "pubStatus")),
                    Readings.instant(
                            Readings.firstNonBlank(text(item, "embargoedUntil"), text(item, "embargoed")),
                            "embargoed",
                            notes),
                    content,
                    pictures,
                    bodies.dropped(),
                    notes);
        }

        private ArticleContent article(String source) {
            String headline = Readings.firstNonBlank(
                    texts(item, "headline").stream().findFirst().orElse(null));
            if (headline == null) {
                headline = Readings.firstNonBlank(text(item, "slugline"), text(item, "title"));
                if (headline != null) {
                    notes.add("the item has no headline: its slugline or title is the headline");
                }
            }
            List<Photo> photos = new ArrayList<>();
            for (JsonNode association : associations(item)) {
                String type = association.path("type").asText("");
                if (type.equals("picture") || type.equals("graphic")) {
                    Photo photo = picture(association, association.path("uri").asText(""), source);
                    if (photo != null) {
                        photos.add(photo);
                    }
                }
            }
            return new ArticleContent(
                    headline == null ? "" : headline,
                    standfirst(),
                    body(),
                    language(),
                    photos,
                    Readings.bylines(Readings.firstNonBlank(text(item, "by"), text(item, "byline")), source));
        }

        private @Nullable Photo picture(JsonNode picture, String uri, String source) {
            String href = rendition(picture);
            if (href == null && Readings.isWebAddress(uri)) {
                href = uri;
            }
            String name = Readings.firstNonBlank(picture.path("name").asText(null), uri);
            if (href == null) {
                notes.add("picture " + name + " has no rendition with a web address: not attached");
                return null;
            }
            String caption = Readings.firstNonBlank(plain(picture, "description"), plain(picture, "headline"));
            if (caption == null) {
                notes.add("picture " + name + " has no caption: its name is the caption");
                caption = name;
            }
            String by = Readings.firstNonBlank(text(picture, "by"), text(picture, "byline"));
            String credit = by == null ? source : by + "/" + source;
            return new Photo(Readings.photoId(Readings.firstNonBlank(uri, href)), href, caption, credit, "");
        }

        private String standfirst() {
            String description = plain(item, "description");
            return description == null ? "" : description;
        }

        private String body() {
            List<JsonNode> candidates = new ArrayList<>();
            JsonNode listed = field(item, "bodies");
            if (listed.isArray()) {
                listed.forEach(candidates::add);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = item.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().startsWith("body_") && field.getValue().isTextual()) {
                    candidates.add(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                            .objectNode()
                            .put("contentType", field.getKey())
                            .put("value", field.getValue().asText()));
                }
            }
            JsonNode rich = null;
            JsonNode plain = null;
            for (JsonNode candidate : candidates) {
                String type = text(candidate, "contentType");
                String value = candidate.path("value").asText("");
                boolean html = (type != null && isHtml(type))
                        || "richtext".equals(candidate.path("role").asText())
                        || (type != null && type.startsWith("body_") && value.contains("<"));
                if (html && rich == null) {
                    rich = candidate;
                } else if (!html && plain == null) {
                    plain = candidate;
                }
            }
            if (rich != null) {
                return bodies.html(rich.path("value").asText(""));
            }
            return plain == null ? "" : BodyConverter.text(plain.path("value").asText(""));
        }

        private String language() {
            return Readings.firstNonBlank(text(item, "language"), "en");
        }

        private @Nullable Integer urgency() {
            JsonNode urgency = item.path("urgency");
            return urgency.isInt() ? urgency.asInt() : null;
        }

        private List<AgencySubject> subjects() {
            List<AgencySubject> subjects = new ArrayList<>();
            for (String name : List.of("subjects", "subject")) {
                for (JsonNode subject : item.path(name)) {
                    String code = Readings.firstNonBlank(
                            subject.path("code").asText(null),
                            subject.path("uri").asText(null),
                            subject.path("name").asText(null));
                    if (code != null) {
                        subjects.add(
                                new AgencySubject(code, subject.path("name").asText(null)));
                    }
                }
            }
            return subjects;
        }

        /** The agency: its first info source, else the copyright holder, else the host of the item's uri. */
        private String source(String uri) {
            for (String name : List.of("infoSources", "infosources", "infosource")) {
                for (JsonNode source : item.path(name)) {
                    String known = Readings.firstNonBlank(source.path("name").asText(null));
                    if (known != null) {
                        return known;
                    }
                }
            }
            JsonNode holder = field(item, "copyrightHolder");
            String fromHolder =
                    holder.isTextual() ? holder.asText() : holder.path("name").asText(null);
            return Readings.firstNonBlank(fromHolder, Readings.host(uri), "unknown");
        }

        /** The plain text of a headline or description: the main or first one, markup left out. */
        private @Nullable String plain(JsonNode node, String kind) {
            List<String> found = texts(node, kind);
            return found.isEmpty()
                    ? null
                    : Readings.firstNonBlank(
                            org.jsoup.Jsoup.parseBodyFragment(found.get(0)).text());
        }

        /**
         * The values of a headline or description in every spelling: 3.x and 2.x arrays of {role, value} (main
         * first), 1.x {@code headline} and {@code headline_*}, plain text before rich text.
         */
        private static List<String> texts(JsonNode node, String kind) {
            List<String> found = new ArrayList<>();
            JsonNode array = node.path(kind + "s");
            if (array.isArray()) {
                List<JsonNode> entries = new ArrayList<>();
                array.forEach(entries::add);
                entries.sort(Comparator.comparing(
                        entry -> !"main".equals(entry.path("role").asText())));
                entries.stream()
                        .sorted(Comparator.comparing(
                                entry -> isHtml(Readings.firstNonBlank(text(entry, "contentType"), "text/plain"))))
                        .forEach(entry -> found.add(entry.path("value").asText("")));
            }
            if (node.path(kind).isTextual()) {
                found.add(node.path(kind).asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().startsWith(kind + "_") && field.getValue().isTextual()) {
                    if (field.getKey().endsWith("_text") || field.getKey().endsWith("_main")) {
                        found.add(0, field.getValue().asText());
                    } else {
                        found.add(field.getValue().asText());
                    }
                }
            }
            found.removeIf(String::isBlank);
            return found;
        }

        /** The widest rendition with a web address: 3.x and 2.x arrays, 1.x objects keyed by name. */
        private static @Nullable String rendition(JsonNode picture) {
            String best = null;
            int widest = -1;
            for (JsonNode rendition : picture.path("renditions")) {
                String href = rendition.path("href").asText(null);
                int width = rendition.path("width").asInt(0);
                if (Readings.isWebAddress(href) && width > widest) {
                    best = href;
                    widest = width;
                }
            }
            return best;
        }

        private static List<JsonNode> associations(JsonNode item) {
            List<JsonNode> found = new ArrayList<>();
            item.path("associations").forEach(found::add);
            return found;
        }

        private static boolean isHtml(String contentType) {
            String type = contentType.toLowerCase(Locale.ROOT);
            return HTML_TYPES.contains(type) || type.contains("html");
        }

        /** A property in its camelCase (3.x) or lower-case (1.x, 2.x) spelling. */
        private static JsonNode field(JsonNode node, String camelCase) {
            JsonNode value = node.path(camelCase);
            return value.isMissingNode() ? node.path(camelCase.toLowerCase(Locale.ROOT)) : value;
        }

        private static @Nullable String text(JsonNode node, String camelCase) {
            JsonNode value = field(node, camelCase);
            return value.isValueNode() && !value.isNull() ? value.asText() : null;
        }
    }
}
