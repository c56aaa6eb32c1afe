package org.newsroom.command.article;

import java.util.OptionalInt;

/**
 * What a reader can see of a text. Required text must have at least one visible character: not whitespace (of any
 * kind, the no-break spaces included), not a control or format character (zero-width spaces and joiners, the
 * byte-order mark, soft hyphens, bidirectional controls, tag characters), not an unassigned code point, and none of
 * the letters and symbols that render as blank (Hangul fillers, the Braille blank, variation selectors, the combining
 * grapheme joiner, Khmer and Mongolian invisible vowels and selectors).
 */
final class VisibleText {

    private VisibleText() {}

    static boolean isVisible(String text) {
        return text.codePoints().anyMatch(VisibleText::isVisible);
    }

    static boolean isVisible(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return false;
        }
        int type = Character.getType(codePoint);
        if (type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            return false;
        }
        return !isBlankGlyph(codePoint);
    }

    private static boolean isBlankGlyph(int c) {
        return c == 0x034F // combining grapheme joiner
                || c == 0x115F
                || c == 0x1160 // Hangul choseong and jungseong fillers
                || c == 0x17B4
                || c == 0x17B5 // Khmer inherent vowels
                || (c >= 0x180B && c <= 0x180F) // Mongolian free variation selectors and vowel separator
                || c == 0x2800 // Braille pattern blank
                || c == 0x3164 // Hangul filler
                || c == 0xFFA0 // halfwidth Hangul filler
                || (c >= 0xFE00 && c <= 0xFE0F) // variation selectors
                || (c >= 0xE0100 && c <= 0xE01EF) // variation selectors supplement
                || (c >= 0x1D173 && c <= 0x1D17A); // musical symbol formatting
    }

    /** The first bidirectional control (embedding, override, isolate, mark) in the text, if any. */
    static OptionalInt firstBidiControl(String text) {
        return text.codePoints().filter(VisibleText::isBidiControl).findFirst();
    }

    static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C;
    }
}
