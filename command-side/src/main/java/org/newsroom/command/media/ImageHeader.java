package org.newsroom.command.media;

/**
 * What an image's header says, read before anything is decoded: its format and its stored width and height, and the
 * EXIF orientation (1 to 8; 1 when absent) that turns the stored pixels into the displayed picture.
 */
record ImageHeader(ImageFormat format, int storedWidth, int storedHeight, int orientation) {

    /** Orientations 5 to 8 turn the picture a quarter: its displayed width is its stored height. */
    boolean turnsAQuarter() {
        return orientation >= 5 && orientation <= 8;
    }

    int width() {
        return turnsAQuarter() ? storedHeight : storedWidth;
    }

    int height() {
        return turnsAQuarter() ? storedWidth : storedHeight;
    }

    long pixels() {
        return (long) storedWidth * storedHeight;
    }
}
