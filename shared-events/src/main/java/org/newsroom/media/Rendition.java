package org.newsroom.media;

/**
 * One stored form of an uploaded image: {@code original} (the uploaded bytes) or a scaled copy named by its width in
 * pixels ({@code 320}, {@code 800}, {@code 1600}); never wider than the original. {@code width} and {@code height}
 * are as displayed, after the EXIF orientation is applied.
 */
public record Rendition(String name, int width, int height, String contentType) {

    public static final String ORIGINAL = "original";
}
