package org.newsroom.command.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.newsroom.article.Byline;
import org.newsroom.article.PhotoId;
import org.newsroom.media.MediaId;
import org.newsroom.media.Rendition;

final class ContentPolicy {

    private static final int MAX_BYLINES = 10;
    private static final int MAX_NOTE = 2_000;
    static final int MAX_COMMENT = 5_000;

    private ContentPolicy() {}

    static String headline(String headline) {
        return required(headline, "headline", "invalid-headline", 300);
    }

    static String standfirst(String standfirst) {
        return optional(standfirst, "standfirst", "invalid-standfirst", 1_000);
    }

    static String body(String body) {
        return HtmlBodyPolicy.check(optional(body, "body", "invalid-body", 200_000));
    }

    static String language(String tag, LanguageList languages) {
        return tag == null ? languages.defaultTag() : languages.check(tag, "language");
    }

    static String comment(String text) {
        return required(text, "text", "invalid-comment", MAX_COMMENT);
    }

    /** The editor's reason for publishing an article that was never in review, when one is given. */
    static String withoutReview(String reason) {
        return reason == null ? null : required(reason, "withoutReview", "invalid-without-review", MAX_NOTE);
    }

    /** An id the caller chose for something new (a comment, a schedule). */
    static String identifier(String id, String field) {
        return required(id, field, "invalid-id", 100);
    }

    static PhotoId photoId(PhotoId photoId) {
        if (photoId == null) {
            throw new InvalidArticleContent("invalid-photo-id", "photoId", "photoId is required");
        }
        return photoId;
    }

    static String photoUri(String uri) {
        required(uri, "uri", "invalid-photo-uri", 2_000);
        try {
            URI parsed = new URI(uri);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && parsed.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            throw new InvalidArticleContent("invalid-photo-uri", "uri", "uri is malformed: " + malformed.getMessage());
        }
        throw new InvalidArticleContent("invalid-photo-uri", "uri", "uri " + uri + " is not an absolute http(s) URL");
    }

    /** A library photo carries its library's renditions, the original among them; a photo given by address none. */
    static List<Rendition> renditions(MediaId mediaId, List<Rendition> renditions) {
        if (mediaId == null) {
            if (renditions != null) {
                throw new InvalidArticleContent(
                        "invalid-photo-renditions", "renditions", "only a photo from the media library has renditions");
            }
            return null;
        }
        if (renditions == null
                || renditions.stream().noneMatch(rendition -> Rendition.ORIGINAL.equals(rendition.name()))) {
            throw new InvalidArticleContent(
                    "invalid-photo-renditions",
                    "renditions",
                    "a photo from the media library carries its renditions, the original among them");
        }
        return List.copyOf(renditions);
    }

    static String caption(String caption) {
        return required(caption, "caption", "invalid-caption", 1_000);
    }

    static String credit(String credit) {
        return name(required(credit, "credit", "invalid-credit", 300), "credit", "invalid-credit");
    }

    static String altText(String altText) {
        return optional(altText, "altText", "invalid-alt-text", 1_000);
    }

    static List<Byline> bylines(List<Byline> bylines) {
        if (bylines == null || bylines.isEmpty() || bylines.size() > MAX_BYLINES) {
            throw new InvalidArticleContent(
                    "invalid-bylines",
                    "bylines",
                    "an article has 1 to " + MAX_BYLINES + " bylines, not " + (bylines == null ? 0 : bylines.size()));
        }
        List<Byline> valid = new ArrayList<>();
        for (int i = 0; i < bylines.size(); i++) {
            Byline byline = bylines.get(i);
            String field = "bylines[" + i + "]";
            if (byline == null) {
                throw new InvalidArticleContent("invalid-byline", field, field + " is missing");
            }
            valid.add(new Byline(
                    name(required(byline.name(), field + ".name", "invalid-byline", 200), field + ".name"),
                    blankToNull(name(optional(byline.role(), field + ".role", "invalid-byline", 100), field + ".role")),
                    blankToNull(name(
                            optional(byline.affiliation(), field + ".affiliation", "invalid-byline", 200),
                            field + ".affiliation"))));
        }
        return List.copyOf(valid);
    }

    static String requiredNote(String text, String field) {
        return required(text, field, "invalid-" + field, MAX_NOTE);
    }

    static String optionalNote(String note) {
        return blankToNull(optional(note, "note", "invalid-note", MAX_NOTE));
    }

    private static String required(String text, String field, String code, int maxLength) {
        if (text == null || !VisibleText.isVisible(text)) {
            throw new InvalidArticleContent(
                    code,
                    field,
                    field + " must contain visible text, not only spaces or invisible characters (such as"
                            + " zero-width spaces)");
        }
        return optional(text, field, code, maxLength);
    }

    private static String name(String text, String field) {
        return name(text, field, "invalid-byline");
    }

    /** Names and credits are shown inline: a bidirectional control would reorder the text around them. */
    private static String name(String text, String field, String code) {
        VisibleText.firstBidiControl(text).ifPresent(control -> {
            throw new InvalidArticleContent(
                    code,
                    field,
                    String.format(
                            "%s contains the bidirectional control U+%04X, which is not allowed in names and credits",
                            field, control));
        });
        return text;
    }

    private static String optional(String text, String field, String code, int maxLength) {
        if (text == null) {
            return "";
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw new InvalidArticleContent(
                    code, field, field + " is " + length + " characters long; at most " + maxLength + " are allowed");
        }
        rejectInvisibleControls(text, field, code);
        return text;
    }

    /** Tabs and line breaks are text; other control characters and lone surrogates are not, in any field. */
    private static void rejectInvisibleControls(String text, String field, String code) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
            boolean loneSurrogate = Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1)));
            if (control || loneSurrogate) {
                throw new InvalidArticleContent(
                        code,
                        field,
                        String.format(
                                "%s contains %s U+%04X, which is not allowed",
                                field, control ? "the control character" : "the unpaired surrogate", (int) c));
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
    }

    private static String blankToNull(String text) {
        return VisibleText.isVisible(text) ? text : null;
    }
}
