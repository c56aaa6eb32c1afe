package org.newsroom.query.page;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.newsroom.media.Rendition;

/**
 * A photo on the reader's page: {@code src} and {@code srcset} are this server's {@code /media/<mediaId>/<rendition>}
 * addresses for a photo from the media library (relative, so that the page works on whatever host serves it), the
 * photo's own address otherwise. {@code width} and {@code height} (0 when unknown) reserve its space before it loads.
 */
public record PagePhoto(
        String src, @Nullable String srcset, int width, int height, String alt, String caption, String credit) {

    /** The widest rendition the page asks for by default: beyond it, srcset lets the browser choose. */
    static final int DEFAULT_WIDTH = 800;

    public static PagePhoto of(
            String uri,
            @Nullable String mediaId,
            @Nullable List<Rendition> renditions,
            @Nullable String caption,
            @Nullable String credit,
            @Nullable String altText) {
        String alt = altText == null ? "" : altText;
        String text = caption == null ? "" : caption;
        String by = credit == null ? "" : credit;
        if (mediaId == null || renditions == null || renditions.isEmpty()) {
            return new PagePhoto(uri, null, 0, 0, alt, text, by);
        }
        List<Rendition> bySize = renditions.stream()
                .sorted(Comparator.comparingInt(Rendition::width))
                .toList();
        Rendition largest = bySize.get(bySize.size() - 1);
        Rendition chosen = bySize.stream()
                .filter(rendition -> rendition.width() <= DEFAULT_WIDTH)
                .reduce((first, second) -> second)
                .orElse(bySize.get(0));
        String srcset = bySize.stream()
                .map(rendition -> href(mediaId, rendition.name()) + " " + rendition.width() + "w")
                .collect(Collectors.joining(", "));
        return new PagePhoto(href(mediaId, chosen.name()), srcset, largest.width(), largest.height(), alt, text, by);
    }

    private static String href(String mediaId, String rendition) {
        return "/media/" + mediaId + "/" + rendition;
    }
}
