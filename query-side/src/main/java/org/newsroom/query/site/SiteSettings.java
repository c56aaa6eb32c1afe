package org.newsroom.query.site;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code newsroom.site.*}.
 *
 * @param baseUrl where the public site lives; article URIs are {@code <baseUrl>/site/articles/<slug>}. It is part of
 *                the stored documents: after changing it, rebuild the site projection.
 */
@ConfigurationProperties("newsroom.site")
public record SiteSettings(
        @DefaultValue("https://newsroom.example") String baseUrl) {

    public SiteSettings {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String articleUri(String slug) {
        return baseUrl + "/site/articles/" + slug;
    }

    /** Where the site serves a rendition of an image from the media library. */
    public String mediaUri(String mediaId, String rendition) {
        return baseUrl + "/media/" + mediaId + "/" + rendition;
    }
}
