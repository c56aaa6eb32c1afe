package org.newsroom.command.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.newsroom.article.AgencyStatus;
import org.newsroom.article.Byline;
import org.newsroom.article.PhotoId;

/** What every agency format shares on the way in: dates, statuses, bylines, picture ids, digests. */
final class Readings {

    private static final Pattern BY = Pattern.compile("^\\s*by\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*(?:,|;|\\band\\b|&)\\s*");
    private static final int MAX_BYLINES = 10;

    private Readings() {}

    /** An ISO 8601 instant with an offset; a date-time the agency wrote otherwise is noted and left out. */
    static @Nullable Instant instant(@Nullable String text, String field, List<String> notes) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            notes.add(field + " \"" + text.strip() + "\" is not a date-time with an offset: left out");
            return null;
        }
    }

    /** {@code usable}, {@code withheld}, {@code canceled}, with or without the {@code stat:} scheme; usable if absent. */
    static AgencyStatus status(@Nullable String text) {
        if (text == null) {
            return AgencyStatus.USABLE;
        }
        String code = text.strip().toLowerCase(Locale.ROOT);
        code = code.substring(code.indexOf(':') + 1);
        return switch (code) {
            case "withheld" -> AgencyStatus.WITHHELD;
            case "canceled", "cancelled" -> AgencyStatus.CANCELED;
            default -> AgencyStatus.USABLE;
        };
    }

    /** A creator line, "By Paulo Santalucia and Frances d'Emilio", as one byline per name, affiliated to the agency. */
    static List<Byline> bylines(@Nullable String line, String source) {
        if (line == null || line.isBlank()) {
            return List.of();
        }
        List<Byline> bylines = new ArrayList<>();
        for (String name : NAME_SEPARATORS.split(BY.matcher(line.strip()).replaceFirst(""))) {
            if (!name.isBlank() && bylines.size() < MAX_BYLINES) {
                bylines.add(new Byline(name.strip(), null, source));
            }
        }
        return bylines;
    }

    /** The same picture, in any version of the item, has the same photo id on the article. */
    static PhotoId photoId(String pictureUri) {
        return new PhotoId(
                "agency-" + sha256(pictureUri.getBytes(StandardCharsets.UTF_8)).substring(0, 24));
    }

    static boolean isWebAddress(@Nullable String address) {
        if (address == null) {
            return false;
        }
        try {
            URI uri = new URI(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException malformed) {
            return false;
        }
    }

    /** The host of an item's uri, the agency when the item names none. */
    static @Nullable String host(String uri) {
        try {
            return new URI(uri).getHost();
        } catch (java.net.URISyntaxException malformed) {
            return null;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime has SHA-256", missing);
        }
    }

    static @Nullable String firstNonBlank(@Nullable String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
        }
        return null;
    }
}
