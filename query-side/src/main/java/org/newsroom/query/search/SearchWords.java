package org.newsroom.query.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * How text becomes search words, the same for what is indexed and what is asked: decomposed, without accents, in lower
 * case, split at everything that is not a letter or a digit. Words of one character are left out, longer ones are cut
 * at {@value #MAX_LENGTH} characters.
 */
public final class SearchWords {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 40;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");

    private SearchWords() {}

    /** {@code text} as words are compared: without accents, in lower case ({@code Ærø Straße} is {@code aero strasse}). */
    public static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT)
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("œ", "oe")
                .replace("ø", "o")
                .replace("ł", "l")
                .replace("đ", "d")
                .replace("ı", "i");
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
    }

    /** The distinct search words of {@code text}, in the order they first occur. */
    public static List<String> of(@Nullable String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text != null) {
            for (String word : SEPARATORS.split(normalize(text))) {
                if (word.codePointCount(0, word.length()) >= MIN_LENGTH) {
                    words.add(cut(word));
                }
            }
        }
        return new ArrayList<>(words);
    }

    /** The text of an HTML fragment of the allowed subset: tags become spaces, character references characters. */
    public static String textOfHtml(@Nullable String html) {
        if (html == null) {
            return "";
        }
        Matcher entities = ENTITY.matcher(TAG.matcher(html).replaceAll(" "));
        StringBuilder text = new StringBuilder();
        while (entities.find()) {
            entities.appendReplacement(text, Matcher.quoteReplacement(decode(entities.group(1))));
        }
        entities.appendTail(text);
        return text.toString();
    }

    private static String decode(String entity) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return Character.toString(Integer.parseInt(entity.substring(2), 16));
            }
            if (entity.startsWith("#")) {
                return Character.toString(Integer.parseInt(entity.substring(1)));
            }
        } catch (IllegalArgumentException notACharacter) {
            return " ";
        }
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> " ";
        };
    }

    private static String cut(String word) {
        return word.codePointCount(0, word.length()) <= MAX_LENGTH
                ? word
                : word.substring(0, word.offsetByCodePoints(0, MAX_LENGTH));
    }
}
