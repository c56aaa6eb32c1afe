package org.newsroom.query.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.newsroom.article.Byline;
import org.newsroom.query.article.ArticleVersion;
import org.newsroom.query.search.SearchIndex;
import org.newsroom.query.search.SearchQuery;
import org.newsroom.query.search.SearchWords;

/** What the auditors find an article by, in any state: the words of its working copy and bylines, and its state. */
final class AuditSearch {

    private static final String STATE = "state";

    private AuditSearch() {}

    static Set<String> terms(ArticleVersion article) {
        Set<String> terms = new HashSet<>();
        terms.addAll(SearchWords.of(article.headline()));
        terms.addAll(SearchWords.of(article.standfirst()));
        terms.addAll(SearchWords.of(SearchWords.textOfHtml(article.body())));
        for (Byline byline : article.bylines()) {
            terms.addAll(SearchWords.of(byline.name()));
        }
        terms.add(SearchIndex.attribute(STATE, article.state().name()));
        return terms;
    }

    static SearchQuery query(FindArticles query) {
        List<SearchQuery> all = new ArrayList<>();
        if (query.state() != null) {
            all.add(SearchQuery.attribute(STATE, query.state().name()));
        }
        if (query.q() != null && !SearchWords.of(query.q()).isEmpty()) {
            all.add(SearchQuery.words(query.q()));
        }
        return new SearchQuery.AllOf(all);
    }
}
