package org.newsroom.query.site;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.newsroom.media.Rendition;
import org.newsroom.query.page.PagePhoto;
import org.newsroom.query.page.ReaderPage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The reader's page of a live article, read from its ninjs document (what the site stores) and its public notes. */
public final class SiteReaderPages {

    private SiteReaderPages() {}

    public static ReaderPage of(SitePage.Live live) {
        ObjectNode ninjs = live.ninjs();
        List<PagePhoto> photos = new ArrayList<>();
        ninjs.path("associations").forEach(picture -> photos.add(photo(picture)));
        List<ReaderPage.PageNote> notes = live.notes().stream()
                .map(note -> new ReaderPage.PageNote(note.kind(), note.note(), note.publishedAt()))
                .toList();
        return new ReaderPage(
                ninjs.path("language").asText("en"),
                ninjs.path("headlines").path(0).path("value").asText(),
                role(ninjs.path("descriptions"), "summary"),
                ninjs.hasNonNull("by") ? ninjs.path("by").asText() : null,
                ninjs.path("bodies").path(0).path("value").asText(),
                photos,
                notes,
                instant(ninjs.path("firstCreated")),
                instant(ninjs.path("versionCreated")),
                false);
    }

    /** One entry of the index, linked by the path of its slug on this host. */
    public static ReaderPage.IndexEntry entry(ObjectNode ninjs) {
        String uri = ninjs.path("uri").asText();
        int slug = uri.lastIndexOf("/site/articles/");
        return new ReaderPage.IndexEntry(
                ninjs.path("headlines").path(0).path("value").asText(),
                role(ninjs.path("descriptions"), "summary"),
                slug < 0 ? uri : uri.substring(slug),
                instant(ninjs.path("firstCreated")));
    }

    private static PagePhoto photo(JsonNode picture) {
        String mediaId = role(picture.path("altIds"), NinjsDocuments.MEDIA_ID_ROLE);
        List<Rendition> renditions = new ArrayList<>();
        picture.path("renditions")
                .forEach(rendition -> renditions.add(new Rendition(
                        rendition.path("name").asText(),
                        rendition.path("width").asInt(),
                        rendition.path("height").asInt(),
                        rendition.path("contentType").asText("image/jpeg"))));
        return PagePhoto.of(
                picture.path("uri").asText(),
                mediaId,
                mediaId == null ? null : renditions,
                role(picture.path("descriptions"), "caption"),
                picture.path("by").asText(""),
                role(picture.path("descriptions"), "alt"));
    }

    /** The value of the first entry of a ninjs array with this role. */
    private static @Nullable String role(JsonNode entries, String role) {
        for (JsonNode entry : entries) {
            if (role.equals(entry.path("role").asText())) {
                return entry.path("value").asText();
            }
        }
        return null;
    }

    private static @Nullable Instant instant(JsonNode value) {
        return value.isTextual() ? Instant.parse(value.asText()) : null;
    }
}
