package org.newsroom.command.article;

import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The BCP 47 language tags an installation writes in, in their canonical case ({@code en-GB}, {@code zh-Hans}): a
 * draft or a revision may only choose one of them, and the first is the language of a draft that names none. The
 * list is the installation's ({@code newsroom.desk.languages}), handed over on the commands that need it; the
 * aggregate reads no configuration. Articles recorded with other tags stay as they are.
 */
public record LanguageList(List<String> tags) {

    /** Where a client reads the list, named in every refusal. */
    public static final String ROUTE = "/api/languages";

    /** The desk's default choice: the main languages of international news agencies and their clients. */
    public static final LanguageList DEFAULT = new LanguageList(List.of(
            "en", "en-GB", "en-US", "fr", "de", "es", "es-419", "it", "pt", "pt-BR", "nl", "sv", "da", "nb", "fi", "is",
            "pl", "cs", "sk", "hu", "ro", "bg", "hr", "sr", "sl", "el", "ru", "uk", "tr", "ar", "he", "fa", "ur", "hi",
            "bn", "ja", "ko", "zh-Hans", "zh-Hant", "id", "ms", "vi", "th", "sw", "ca", "eu", "ga", "cy"));

    /** @throws IllegalArgumentException when the list is empty or holds a tag that is not well-formed BCP 47 */
    public LanguageList {
        if (tags == null || tags.isEmpty()) {
            throw new IllegalArgumentException("a list of languages needs at least one tag");
        }
        Set<String> canonical = new LinkedHashSet<>();
        for (String tag : tags) {
            canonical.add(canonical(tag)
                    .orElseThrow(() -> new IllegalArgumentException("'" + tag + "' is not a well-formed BCP 47 tag")));
        }
        tags = List.copyOf(canonical);
    }

    /** The language of a draft that names none. */
    public String defaultTag() {
        return tags.get(0);
    }

    /** The listed tag {@code tag} stands for, whatever its case; else a refusal naming the field and the list. */
    String check(String tag, String field) {
        String wellFormed = canonical(tag)
                .orElseThrow(() -> new InvalidArticleContent(
                        "invalid-language",
                        field,
                        field + " '" + tag + "' is not a well-formed BCP 47 language tag; choose one of " + ROUTE));
        if (!tags.contains(wellFormed)) {
            throw new InvalidArticleContent(
                    "invalid-language",
                    field,
                    field + " '" + tag + "' is not one of the languages of this newsroom; choose one of " + ROUTE);
        }
        return wellFormed;
    }

    /** The canonical form of a well-formed tag ({@code EN-gb} is {@code en-GB}); empty when it is ill-formed. */
    static Optional<String> canonical(String tag) {
        if (tag == null || tag.isBlank() || !tag.strip().equals(tag)) {
            return Optional.empty();
        }
        try {
            String canonical = new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
            return canonical.equals("und") ? Optional.empty() : Optional.of(canonical);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }
}
