package org.newsroom.command.article.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code If-Match} into the expected aggregate version of a command. The article version of HTTP is the number
 * of events recorded (ETag {@code "3"}); Axon's aggregate version is the last sequence number, one less.
 */
final class IfMatch {

    private static final Pattern STRONG_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private IfMatch() {}

    /** The expected Axon version, or null when the command is unconditional (no header, or {@code *}). */
    static Long expectedVersion(String header) {
        if (header == null || header.trim().equals("*")) {
            return null;
        }
        Matcher tag = STRONG_TAG.matcher(header.trim());
        if (!tag.matches()) {
            throw new Invalid(header);
        }
        return Long.parseLong(tag.group(1)) - 1;
    }

    /** A new article has no version yet, so no If-Match can hold for it. */
    static void requireAbsentForNewArticle(String header) {
        if (header != null) {
            throw new NoVersionYet();
        }
    }

    static final class Invalid extends RuntimeException {
        Invalid(String header) {
            super("If-Match takes one strong entity tag as sent in ETag, such as \"3\", not "
                    + (header.length() > 40 ? header.substring(0, 40) + "…" : header));
        }
    }

    static final class NoVersionYet extends RuntimeException {
        NoVersionYet() {
            super("If-Match cannot hold for an article that does not exist yet");
        }
    }
}
