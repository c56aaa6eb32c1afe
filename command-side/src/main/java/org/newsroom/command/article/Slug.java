package org.newsroom.command.article;

import java.text.Normalizer;
import java.util.Locale;

import org.newsroom.article.ArticleId;

final class Slug {

    private static final int MAX_WORDS = 80;
    private static final int ID_CHARACTERS = 8;

    private Slug() {}

    static String of(String headline, ArticleId id) {
        String ascii = Normalizer.normalize(headline.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("œ", "oe")
                .replace("ø", "o")
                .replace("ł", "l");
        String words = shorten(ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", ""));
        String idPart = id.value().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        idPart = idPart.substring(0, Math.min(ID_CHARACTERS, idPart.length()));
        return (words.isEmpty() ? "article" : words) + (idPart.isEmpty() ? "" : "-" + idPart);
    }

    private static String shorten(String words) {
        if (words.length() <= MAX_WORDS) {
            return words;
        }
        int lastBoundary = words.lastIndexOf('-', MAX_WORDS);
        return words.substring(0, lastBoundary > 0 ? lastBoundary : MAX_WORDS);
    }
}
