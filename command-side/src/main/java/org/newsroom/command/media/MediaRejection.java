package org.newsroom.command.media;

/**
 * Why an upload was refused before anything was stored: too many bytes (413 {@code payload-too-large}), not a JPEG,
 * PNG or WebP image (415 {@code unsupported-image}), too many pixels (422 {@code too-many-pixels}), or an image whose
 * header or data cannot be read (422 {@code unreadable-image}).
 */
public final class MediaRejection extends RuntimeException {

    private final int status;
    private final String code;

    private MediaRejection(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static MediaRejection tooManyBytes(long limit) {
        return new MediaRejection(
                413,
                "payload-too-large",
                "The image is larger than the limit of " + megabytes(limit) + "; nothing was stored");
    }

    static MediaRejection unsupported(String why) {
        return new MediaRejection(
                415, "unsupported-image", why + ": only JPEG, PNG and WebP images are accepted; nothing was stored");
    }

    static MediaRejection tooManyPixels(int width, int height, long limit) {
        return new MediaRejection(
                422,
                "too-many-pixels",
                "The image is " + width + " × " + height + " pixels (" + ((long) width * height) + "); at most " + limit
                        + " are accepted; nothing was stored");
    }

    static MediaRejection unreadable(String why) {
        return new MediaRejection(422, "unreadable-image", "The image cannot be read: " + why + "; nothing was stored");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }
}
