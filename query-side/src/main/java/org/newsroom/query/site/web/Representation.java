package org.newsroom.query.site.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Which representation of a site resource a request asks for: the reader's HTML page when its Accept header prefers
 * text/html (as browsers' does) over JSON; ninjs JSON otherwise, also when Accept is absent, {@code *}/{@code *} or
 * unreadable.
 */
final class Representation {

    private static final MediaType XHTML = MediaType.APPLICATION_XHTML_XML;

    private Representation() {}

    static boolean html(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        double html = 0;
        double json = 0;
        for (MediaType type : types) {
            double quality = type.getQualityValue();
            if (type.isWildcardType()
                    || type.getSubtype().equals("json")
                    || type.equalsTypeAndSubtype(new MediaType("application", "*"))) {
                json = Math.max(json, quality);
            } else if (type.equalsTypeAndSubtype(MediaType.TEXT_HTML) || type.equalsTypeAndSubtype(XHTML)) {
                html = Math.max(html, quality);
            }
        }
        return html > 0 && html >= json;
    }
}
