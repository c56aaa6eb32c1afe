package org.newsroom.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsroom.query.InMemoryMongo;
import org.newsroom.query.projection.ProjectionCollections;
import org.newsroom.query.projection.ProjectionWriter;

class SearchIndexTest {

    @RegisterExtension
    static final InMemoryMongo MONGO = new InMemoryMongo();

    private static final String HAFTAR = "Italy security chiefs meet Libyan military strongman Haftar";
    private static final String HAFTAR_BODY =
            "<p>Libyan strongman Khalifa Haftar met Italy&#8217;s defence minister in <em>Rome</em> on Tuesday.</p>";

    private ProjectionCollections target;
    private ProjectionWriter writer;

    @BeforeEach
    void index() {
        target = new ProjectionCollections("editorial", 1, MONGO.freshDatabase());
        writer = new ProjectionWriter("editorial", () -> target, position -> {});
    }

    private void index(String article, long position, Set<String> terms) {
        writer.change(batch -> SearchIndex.update(batch, article, position, terms));
    }

    private static Set<String> terms(String... texts) {
        Set<String> terms = new HashSet<>();
        for (String text : texts) {
            terms.addAll(SearchWords.of(SearchWords.textOfHtml(text)));
        }
        return terms;
    }

    private static Set<String> with(Set<String> terms, String... more) {
        Set<String> all = new HashSet<>(terms);
        all.addAll(List.of(more));
        return all;
    }

    private SearchIndex.Page find(String q) {
        return SearchIndex.find(target, SearchQuery.words(q), 0, 20);
    }

    @Test
    void everyWordMustBeginAWordOfTheArticleInAnyOrderCaseAndAccentsAside() {
        index("haftar", 1, terms(HAFTAR, HAFTAR_BODY, "Angus MacKinnon"));
        index("paris", 2, terms("Macron meets Haftar in Paris", "<p>The French president…</p>"));

        assertThat(find("Haftar Rome").articleIds()).containsExactly("haftar");
        assertThat(find("rome HAFTAR").articleIds()).containsExactly("haftar");
        assertThat(find("haft rom").articleIds()).containsExactly("haftar");
        assertThat(find("Hàftâr mackinnon").articleIds()).containsExactly("haftar");
        assertThat(find("italy's").articleIds())
                .as("the entity of the body is a quote")
                .containsExactly("haftar");
        assertThat(find("haftar").articleIds()).containsExactlyInAnyOrder("haftar", "paris");
        assertThat(find("Haftar Berlin").articleIds()).isEmpty();
        assertThat(find("aftar").articleIds()).as("a prefix, not any substring").isEmpty();
        assertThat(find("Haftar Paris").total()).isEqualTo(1);
    }

    @Test
    void aWordOfTwoCharactersMatchesThatWordWhole() {
        index("eu", 1, terms("EU leaders meet"));
        index("europe", 2, terms("Europe votes"));

        assertThat(find("eu").articleIds()).containsExactly("eu");
        assertThat(find("eur").articleIds()).containsExactly("europe");
        assertThat(find("e").total())
                .as("words of one character are left out: no filter")
                .isEqualTo(2);
    }

    @Test
    void aChangeReplacesTheArticlesTermsAndAReplayChangesNothing() {
        index("haftar", 1, terms(HAFTAR));
        index("haftar", 5, terms("Haftar in Rome"));
        index("haftar", 3, terms("A replay of an older event, ignored"));

        assertThat(find("strongman").articleIds()).isEmpty();
        assertThat(find("replay").articleIds()).isEmpty();
        assertThat(find("rome haftar").articleIds()).containsExactly("haftar");
        assertThat(target.collection(SearchIndex.COLLECTION)
                        .countDocuments(new org.bson.Document("_id", "t|strongman|0")))
                .as("an emptied posting list stays, empty")
                .isOne();
        assertThat(target.collection(SearchIndex.COLLECTION)
                        .find(new org.bson.Document("_id", "w|str"))
                        .first()
                        .get("entries", org.bson.Document.class))
                .as("and its word leaves the vocabulary")
                .doesNotContainKey("strongman");
    }

    @Test
    void attributesAreExactTermsCombinedWithWords() {
        String draft = SearchIndex.attribute("state", "DRAFT");
        String published = SearchIndex.attribute("state", "PUBLISHED");
        index("a", 1, with(terms("Budget talks"), draft));
        index("b", 2, with(terms("Budget vote"), published));
        index("a", 3, with(terms("Budget talks"), published));

        SearchQuery publishedBudget =
                new SearchQuery.AllOf(List.of(SearchQuery.words("budget"), new SearchQuery.Term(published)));
        assertThat(SearchIndex.find(target, publishedBudget, 0, 20).articleIds())
                .containsExactly("a", "b");
        assertThat(SearchIndex.find(target, new SearchQuery.Term(draft), 0, 20).total())
                .isZero();
        SearchQuery talksOrVote = new SearchQuery.AnyOf(List.of(SearchQuery.words("talks"), SearchQuery.words("vote")));
        assertThat(SearchIndex.find(target, talksOrVote, 0, 20).articleIds()).containsExactly("a", "b");
    }

    @Test
    void listsTheMostRecentlyChangedFirstAndPagesAcrossBlocks() {
        // ordinals (first positions) in three blocks; the last changes in another order
        index("first", 1, terms("Storm warning"));
        index("second", SearchIndex.BLOCK + 7, terms("Storm damage"));
        index("third", 3 * SearchIndex.BLOCK + 1, terms("Storm over"));
        index("first", 4 * SearchIndex.BLOCK, terms("Storm warning lifted"));

        assertThat(find("storm").articleIds()).containsExactly("first", "third", "second");
        SearchQuery everything = new SearchQuery.AllOf(List.of());
        assertThat(SearchIndex.find(target, everything, 0, 2).articleIds()).containsExactly("first", "third");
        SearchIndex.Page second = SearchIndex.find(target, everything, 1, 2);
        assertThat(second.articleIds()).containsExactly("second");
        assertThat(second.total()).isEqualTo(3);
    }

    @Test
    void manyMatchesAreFoundByWalkingTheMostRecentlyChangedArticles() {
        String common = SearchIndex.attribute("flag", "common");
        IntStream.rangeClosed(1, 30).forEach(i -> index("a" + i, i, i % 3 == 0 ? Set.of(common) : terms("Other")));

        SearchIndex.Page walked = SearchIndex.find(target, new SearchQuery.Term(common), 1, 4, 5);
        SearchIndex.Page sorted = SearchIndex.find(target, new SearchQuery.Term(common), 1, 4, 1_000);

        assertThat(walked.articleIds()).containsExactly("a18", "a15", "a12", "a9");
        assertThat(walked).isEqualTo(sorted);
        assertThat(walked.total()).isEqualTo(10);
    }

    @Test
    void anIndexWithNothingInItFindsNothing() {
        assertThat(find("anything")).isEqualTo(new SearchIndex.Page(List.of(), 0));
        assertThat(SearchIndex.find(target, new SearchQuery.AllOf(List.of()), 0, 20)
                        .total())
                .isZero();
    }
}
