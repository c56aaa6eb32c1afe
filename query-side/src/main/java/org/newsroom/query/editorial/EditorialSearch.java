package org.newsroom.query.editorial;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.newsroom.article.Byline;
import org.newsroom.query.search.SearchIndex;
import org.newsroom.query.search.SearchQuery;
import org.newsroom.query.search.SearchWords;

/** What the work list finds an article by: its words, and its state, people and flags as attribute terms. */
final class EditorialSearch {

    static final String STATE = "state";
    static final String CREATOR = "creator";
    static final String EDITOR = "editor";
    static final String AUTHOR = "author";
    static final String FLAG = "flag";
    static final String CHANGES_REQUESTED = "changes-requested";
    static final String SCHEDULED = "scheduled";

    private EditorialSearch() {}

    static Set<String> terms(EditorialArticle article) {
        Set<String> terms = new HashSet<>();
        terms.addAll(SearchWords.of(article.headline()));
        terms.addAll(SearchWords.of(article.standfirst()));
        terms.addAll(SearchWords.of(SearchWords.textOfHtml(article.body())));
        for (Byline byline : article.bylines()) {
            for (String word : SearchWords.of(byline.name())) {
                terms.add(word);
                terms.add(SearchIndex.attribute(AUTHOR, word));
            }
        }
        terms.add(SearchIndex.attribute(STATE, article.state().name()));
        if (article.createdBy() != null) {
            terms.add(SearchIndex.attribute(CREATOR, article.createdBy()));
        }
        if (article.updatedBy() != null) {
            terms.add(SearchIndex.attribute(EDITOR, article.updatedBy()));
        }
        if (article.changesRequested()) {
            terms.add(SearchIndex.attribute(FLAG, CHANGES_REQUESTED));
        }
        if (article.schedule() != null) {
            terms.add(SearchIndex.attribute(FLAG, SCHEDULED));
        }
        return terms;
    }

    static SearchQuery query(FindWorkList query) {
        List<SearchQuery> all = new ArrayList<>();
        if (query.state() != null) {
            all.add(SearchQuery.attribute(STATE, query.state().name()));
        }
        if (query.q() != null && !SearchWords.of(query.q()).isEmpty()) {
            all.add(SearchQuery.words(query.q()));
        }
        if (query.author() != null && !query.author().isBlank()) {
            List<SearchQuery> author = new ArrayList<>();
            author.add(SearchQuery.attribute(CREATOR, query.author().strip()));
            List<String> words = SearchWords.of(query.author());
            if (!words.isEmpty()) {
                author.add(new SearchQuery.AllOf(words.stream()
                        .<SearchQuery>map(word -> SearchQuery.attribute(AUTHOR, word))
                        .toList()));
            }
            all.add(new SearchQuery.AnyOf(author));
        }
        if (query.mine()) {
            all.add(new SearchQuery.AnyOf(List.of(
                    SearchQuery.attribute(CREATOR, query.caller()), SearchQuery.attribute(EDITOR, query.caller()))));
        }
        if (query.changesRequested()) {
            all.add(SearchQuery.attribute(FLAG, CHANGES_REQUESTED));
        }
        if (query.scheduled()) {
            all.add(SearchQuery.attribute(FLAG, SCHEDULED));
        }
        return new SearchQuery.AllOf(all);
    }
}
