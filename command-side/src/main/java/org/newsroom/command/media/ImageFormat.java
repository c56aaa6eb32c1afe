package org.newsroom.command.media;

import java.util.Optional;

/** The image formats an upload may be, told from the bytes' signature, never from a name or a declared type. */
enum ImageFormat {
    JPEG("image/jpeg", "jpeg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    private final String contentType;
    private final String readerName;

    ImageFormat(String contentType, String readerName) {
        this.contentType = contentType;
        this.readerName = readerName;
    }

    String contentType() {
        return contentType;
    }

    /** The ImageIO format name of its readers. */
    String readerName() {
        return readerName;
    }

    /** JPEG: FF D8 FF; PNG: the 8-byte PNG signature; WebP: a RIFF container of form type WEBP. */
    static Optional<ImageFormat> of(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
