package org.newsroom.query.search;

import java.util.List;

/**
 * What a search asks for, as a tree: {@link Prefix} (a word that some word of the article begins with; a word of two
 * characters must match whole), {@link Term} (an exact term of the index, such as an attribute), {@link AllOf} and
 * {@link AnyOf}.
 */
public sealed interface SearchQuery {

    /** Some word of the article begins with {@code word} (normalized, at least two characters). */
    record Prefix(String word) implements SearchQuery {}

    /** The article has this exact term. */
    record Term(String term) implements SearchQuery {}

    /** Every one of {@code all} matches; with none, every article does. */
    record AllOf(List<SearchQuery> all) implements SearchQuery {
        public AllOf {
            all = List.copyOf(all);
        }
    }

    /** At least one of {@code any} matches; with none, no article does. */
    record AnyOf(List<SearchQuery> any) implements SearchQuery {
        public AnyOf {
            any = List.copyOf(any);
        }
    }

    /** Every word of {@code text} as a prefix; words of one character are left out. */
    static SearchQuery words(String text) {
        return new AllOf(
                SearchWords.of(text).stream().<SearchQuery>map(Prefix::new).toList());
    }

    /** The attribute term {@code name:value}, the value normalized as words are. */
    static Term attribute(String name, String value) {
        return new Term(SearchIndex.attribute(name, value));
    }
}
