package org.newsroom.command.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code newsroom.media.*}.
 *
 * @param maxBytes  the largest upload accepted, in bytes (413 beyond)
 * @param maxPixels the most pixels an uploaded image may have, read from its header before anything is decoded (422
 *                  beyond): a 50-megapixel image decodes into some 200 MB of memory
 */
@ConfigurationProperties("newsroom.media")
public record MediaSettings(
        @DefaultValue("25MB") DataSize maxBytes,
        @DefaultValue("50000000") long maxPixels) {}
