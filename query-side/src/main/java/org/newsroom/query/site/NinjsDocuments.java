package org.newsroom.query.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.newsroom.article.ArticleContent;
import org.newsroom.article.ArticlePublished;
import org.newsroom.article.Byline;
import org.newsroom.article.Photo;
import org.newsroom.media.Rendition;
import org.newsroom.query.page.ReaderPage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders the live copy of an article as an IPTC ninjs 3.1 document: headline, standfirst and every public note
 * (role {@code correction} or {@code clarification}) as descriptions, the HTML body, bylines as {@code by} and
 * {@code people}, agencies as {@code infoSources}, photos as {@code picture} associations with caption, credit and
 * their renditions (every rendition of a photo from the media library, with its size and type). The same input always gives the same document, so a rebuild gives the same bytes.
 */
public final class NinjsDocuments {

    /** The altId of a picture from the media library: its media id. */
    public static final String MEDIA_ID_ROLE = "newsroom-media-id";

    static final String SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SiteSettings settings;

    public NinjsDocuments(SiteSettings settings) {
        this.settings = settings;
    }

    public ObjectNode render(
            ArticlePublished published, Instant firstCreated, Instant versionCreated, List<PublicNote> notes) {
        ArticleContent content = published.content();
        ObjectNode ninjs = JSON.objectNode();
        ninjs.put("uri", settings.articleUri(published.slug()));
        ninjs.set(
                "standard",
                JSON.objectNode().put("name", "ninjs").put("version", "3.1").put("schema", SCHEMA));
        ninjs.put("type", "text");
        ninjs.put("representationType", "full");
        ninjs.put("version", Integer.toString(published.publicationNumber()));
        ninjs.put("firstCreated", firstCreated.toString());
        ninjs.put("versionCreated", versionCreated.toString());
        ninjs.put("pubStatus", "usable");
        if (content.language() != null) {
            ninjs.put("language", content.language());
        }
        ninjs.set("headlines", JSON.arrayNode().add(text("main", "text/plain", content.headline())));
        ArrayNode descriptions = JSON.arrayNode();
        if (content.standfirst() != null && !content.standfirst().isBlank()) {
            descriptions.add(text("summary", "text/plain", content.standfirst()));
        }
        notes.forEach(note -> descriptions.add(text(note.kind(), "text/plain", note.note())));
        if (!descriptions.isEmpty()) {
            ninjs.set("descriptions", descriptions);
        }
        ninjs.set("bodies", JSON.arrayNode().add(text("main", "text/html", content.body())));
        if (!content.bylines().isEmpty()) {
            ninjs.put("by", byLine(content.bylines()));
            ninjs.set("people", people(content.bylines()));
        }
        ArrayNode sources = infoSources(content.bylines());
        if (!sources.isEmpty()) {
            ninjs.set("infoSources", sources);
        }
        if (!content.photos().isEmpty()) {
            ArrayNode associations = JSON.arrayNode();
            for (int i = 0; i < content.photos().size(); i++) {
                associations.add(picture(
                        content.photos().get(i), i == 0 ? "lead-photo" : "photo-" + (i + 1), versionCreated, settings));
            }
            ninjs.set("associations", associations);
        }
        ninjs.set(
                "altIds",
                JSON.arrayNode()
                        .add(JSON.objectNode()
                                .put("role", "newsroom-article-id")
                                .put("value", published.articleId().value())));
        return ninjs;
    }

    /** "By Angus MacKinnon (AFP)", "By A and B (Reuters)", "By A, B and C". */
    static String byLine(List<Byline> bylines) {
        return ReaderPage.byLine(bylines);
    }

    private static ArrayNode people(List<Byline> bylines) {
        ArrayNode people = JSON.arrayNode();
        bylines.forEach(byline -> people.add(JSON.objectNode()
                .put("name", byline.name())
                .put("rel", byline.role() == null || byline.role().isBlank() ? "author" : byline.role())));
        return people;
    }

    private static ArrayNode infoSources(List<Byline> bylines) {
        Set<String> agencies = new LinkedHashSet<>();
        bylines.stream()
                .map(Byline::affiliation)
                .filter(a -> a != null && !a.isBlank())
                .forEach(agencies::add);
        ArrayNode sources = JSON.arrayNode();
        agencies.forEach(
                agency -> sources.add(JSON.objectNode().put("name", agency).put("role", "source")));
        return sources;
    }

    private static ObjectNode picture(Photo photo, String name, Instant versionCreated, SiteSettings settings) {
        ObjectNode picture = JSON.objectNode();
        picture.put("name", name);
        picture.put("rel", "photo");
        picture.put("uri", photo.uri());
        picture.put("type", "picture");
        picture.put("versionCreated", versionCreated.toString());
        ArrayNode descriptions = JSON.arrayNode().add(text("caption", "text/plain", photo.caption()));
        if (photo.altText() != null && !photo.altText().isBlank()) {
            descriptions.add(text("alt", "text/plain", photo.altText()));
        }
        picture.set("descriptions", descriptions);
        picture.put("by", photo.credit());
        picture.set("renditions", renditions(photo, settings));
        ArrayNode altIds = JSON.arrayNode()
                .add(JSON.objectNode()
                        .put("role", "newsroom-photo-id")
                        .put("value", photo.photoId().value()));
        if (photo.mediaId() != null) {
            altIds.add(JSON.objectNode()
                    .put("role", MEDIA_ID_ROLE)
                    .put("value", photo.mediaId().value()));
        }
        picture.set("altIds", altIds);
        return picture;
    }

    /**
     * A photo from the media library: every rendition the library made, at {@code <baseUrl>/media/<mediaId>/<name>},
     * with its size and type; a photo given by address: that address as its original.
     */
    private static ArrayNode renditions(Photo photo, SiteSettings settings) {
        ArrayNode renditions = JSON.arrayNode();
        if (photo.mediaId() == null || photo.renditions() == null) {
            return renditions.add(JSON.objectNode().put("name", "original").put("href", photo.uri()));
        }
        for (Rendition rendition : photo.renditions()) {
            renditions.add(JSON.objectNode()
                    .put("name", rendition.name())
                    .put("href", settings.mediaUri(photo.mediaId().value(), rendition.name()))
                    .put("contentType", rendition.contentType())
                    .put("width", rendition.width())
                    .put("height", rendition.height()));
        }
        return renditions;
    }

    private static ObjectNode text(String role, String contentType, String value) {
        return JSON.objectNode()
                .put("role", role)
                .put("contentType", contentType)
                .put("value", value);
    }

    /** A strong ETag over the document's bytes. */
    static String etag(ObjectNode ninjs) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(ninjs.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
