package org.newsroom.query.search;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.newsroom.query.projection.ProjectionBatch;
import org.newsroom.query.projection.ProjectionCollections;

import com.mongodb.client.MongoCollection;

/**
 * A word index in one collection, {@value #COLLECTION}, written by a projection through its batch and read by
 * {@code _id} alone (the embedded server has no other index that a range or a sort could use).
 * <p>
 * Each article gets an <em>ordinal</em>, the log position of the first event the index saw of it (its draft), so
 * ordinals are unique and a replay assigns the same one. Ordinals are grouped in blocks of {@value #BLOCK} positions.
 * The documents, by {@code _id}:
 * <ul>
 *   <li>{@code t|<term>|<block>}: the posting list of a term in a block, {@code ids}, the ordinals of the articles that
 *       have the term, sorted: at most a few hundred per document however large the newsroom grows;</li>
 *   <li>{@code w|<key>}: the vocabulary of the words that begin with {@code key} (their first three characters, or
 *       the whole word of two), each with the blocks it has postings in: a word prefix becomes the words it begins and
 *       those the posting lists to read, rare words reading one or two;</li>
 *   <li>{@code a|<articleId>}: the article's ordinal and its terms, to change only the postings that change;</li>
 *   <li>{@code b|<block>}: for each ordinal of the block, its article and the position of its last event;</li>
 *   <li>{@code r|<position block>}: the articles by the position of their last event, to list the most recently
 *       changed first without reading every article;</li>
 *   <li>{@code m}: how many articles there are and the highest blocks in use.</li>
 * </ul>
 * All of an event's changes go into the same collection, so one bulk write of the batch carries them together; the
 * article's {@code a|} document, guarded by its position like every projected document, makes a replay a no-op.
 */
public final class SearchIndex {

    public static final String COLLECTION = "search";

    static final int BLOCK = 4_096;
    private static final int ORDER_DIRECTLY = 5_000;
    private static final String META = "m";
    private static final String ATTRIBUTE = "~";

    private SearchIndex() {}

    /** The term of an attribute (a state, a user, a flag): never a word, which has no {@code ~}. */
    public static String attribute(String name, String value) {
        return ATTRIBUTE + name + ":" + SearchWords.normalize(value);
    }

    // ---- writing ----

    /** Reads the index documents of every article of a batch, and the counts, with one query. */
    public static void prefetch(ProjectionBatch batch, List<? extends EventMessage<?>> events) {
        List<String> keys = new ArrayList<>();
        keys.add(META);
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
                keys.add("a|" + domain.getAggregateIdentifier());
            }
        }
        batch.prefetch(COLLECTION, keys);
    }

    /** Makes {@code terms} the terms of {@code articleId} as of its event at {@code position}. */
    public static void update(ProjectionBatch batch, String articleId, long position, Set<String> terms) {
        Document article = batch.find(COLLECTION, "a|" + articleId).orElse(null);
        if (article != null && lastPosition(article) >= position) {
            return;
        }
        long ordinal = article == null
                ? position
                : article.get("ordinal", Number.class).longValue();
        long block = ordinal / BLOCK;
        Set<String> before = article == null ? Set.of() : new HashSet<>(article.getList("terms", String.class));
        Set<String> added = new TreeSet<>(terms);
        added.removeAll(before);
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(terms);

        List<String> keys = new ArrayList<>();
        for (String term : union(added, removed)) {
            keys.add(postingKey(term, block));
            if (!term.startsWith(ATTRIBUTE)) {
                keys.add(vocabularyKey(term));
            }
        }
        keys.addAll(List.of("b|" + block, "r|" + position / BLOCK, META));
        if (article != null) {
            keys.add("r|" + lastPosition(article) / BLOCK);
        }
        batch.prefetch(COLLECTION, keys);

        added.forEach(term -> post(batch, term, block, ordinal, true, position));
        removed.forEach(term -> post(batch, term, block, ordinal, false, position));
        change(
                batch,
                "b|" + block,
                position,
                slots -> slots.put(slot(ordinal), new Document("id", articleId).append("last", position)));
        if (article != null) {
            long last = lastPosition(article);
            change(batch, "r|" + last / BLOCK, position, slots -> slots.remove(slot(last)));
        }
        change(
                batch,
                "r|" + position / BLOCK,
                position,
                slots -> slots.put(slot(position), new Document("ordinal", ordinal).append("id", articleId)));
        Document meta = batch.find(COLLECTION, META).orElseGet(() -> new Document());
        batch.put(
                COLLECTION,
                new Document(ProjectionBatch.ID, META)
                        .append(ProjectionBatch.LAST_POSITION, position)
                        .append("articles", count(meta, "articles") + (article == null ? 1 : 0))
                        .append("blocks", Math.max(count(meta, "blocks"), block + 1))
                        .append("recent", Math.max(count(meta, "recent"), position / BLOCK + 1)));
        batch.put(
                COLLECTION,
                new Document(ProjectionBatch.ID, "a|" + articleId)
                        .append(ProjectionBatch.LAST_POSITION, position)
                        .append("ordinal", ordinal)
                        .append("terms", List.copyOf(new TreeSet<>(terms))));
    }

    private static void post(ProjectionBatch batch, String term, long block, long ordinal, boolean add, long position) {
        String key = postingKey(term, block);
        TreeSet<Long> ids = new TreeSet<>(batch.find(COLLECTION, key)
                .map(posting -> posting.getList("ids", Number.class).stream()
                        .map(Number::longValue)
                        .toList())
                .orElse(List.of()));
        boolean wasEmpty = ids.isEmpty();
        if (!(add ? ids.add(ordinal) : ids.remove(ordinal))) {
            return;
        }
        batch.put(
                COLLECTION,
                new Document(ProjectionBatch.ID, key)
                        .append(ProjectionBatch.LAST_POSITION, position)
                        .append("ids", List.copyOf(ids)));
        if (!term.startsWith(ATTRIBUTE) && wasEmpty != ids.isEmpty()) {
            change(batch, vocabularyKey(term), position, words -> {
                Set<Long> blocks = new TreeSet<>(blocks(words, term));
                if (add) {
                    blocks.add(block);
                } else {
                    blocks.remove(block);
                }
                if (blocks.isEmpty()) {
                    words.remove(term);
                } else {
                    words.put(term, List.copyOf(blocks));
                }
            });
        }
    }

    /** Stages a change of the map held under {@code entries} in the document {@code key}. */
    private static void change(ProjectionBatch batch, String key, long position, Consumer<Document> edit) {
        Document stored = batch.find(COLLECTION, key).orElse(null);
        Document entries = new Document(stored == null ? Map.of() : stored.get("entries", Document.class));
        edit.accept(entries);
        batch.put(
                COLLECTION,
                new Document(ProjectionBatch.ID, key)
                        .append(ProjectionBatch.LAST_POSITION, position)
                        .append("entries", entries));
    }

    // ---- reading ----

    /** A page of the matching articles, most recently changed first, and how many match in all. */
    public record Page(List<String> articleIds, long total) {}

    /**
     * The articles of {@code target}'s index that match {@code query}, most recently changed first.
     * <p>
     * The work, at N articles in B = N / {@value #BLOCK}-ish blocks: a {@link SearchQuery.Prefix} reads one vocabulary
     * document and the postings of the words it begins, in the blocks they occur in; a {@link SearchQuery.Term} reads
     * its postings in every block (B lookups by {@code _id}). Posting lists are intersected in memory. Up to
     * {@value #ORDER_DIRECTLY} matches are ordered by reading the blocks they are in; more are found by walking the
     * articles from the most recently changed, which then soon fills a page. No query reads a whole collection.
     */
    public static Page find(ProjectionCollections target, SearchQuery query, int page, int size) {
        return find(target, query, page, size, ORDER_DIRECTLY);
    }

    static Page find(ProjectionCollections target, SearchQuery query, int page, int size, int orderDirectlyUpTo) {
        MongoCollection<Document> index = target.collection(COLLECTION);
        Document meta = index.find(eq(ProjectionBatch.ID, META)).first();
        if (meta == null) {
            return new Page(List.of(), 0);
        }
        Reader reader = new Reader(index, count(meta, "blocks"));
        long skip = (long) page * size;
        if (query instanceof SearchQuery.AllOf all && all.all().isEmpty()) {
            return new Page(reader.recent(count(meta, "recent"), null, skip, size), count(meta, "articles"));
        }
        Set<Long> matches = reader.matches(query);
        if (matches.size() > orderDirectlyUpTo) {
            return new Page(reader.recent(count(meta, "recent"), matches, skip, size), matches.size());
        }
        List<Map.Entry<String, Long>> ordered =
                new ArrayList<>(reader.lastChanges(matches).entrySet());
        ordered.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        return new Page(
                ordered.stream().skip(skip).limit(size).map(Map.Entry::getKey).toList(), ordered.size());
    }

    private record Reader(MongoCollection<Document> index, long blocks) {

        Set<Long> matches(SearchQuery query) {
            if (query instanceof SearchQuery.Term term) {
                return postings(LongStream.range(0, blocks)
                        .mapToObj(block -> postingKey(term.term(), block))
                        .toList());
            } else if (query instanceof SearchQuery.Prefix prefix) {
                return prefix(prefix.word());
            } else if (query instanceof SearchQuery.AnyOf any) {
                Set<Long> result = new HashSet<>();
                any.any().forEach(part -> result.addAll(matches(part)));
                return result;
            }
            Set<Long> result = null;
            for (SearchQuery part : ((SearchQuery.AllOf) query).all()) {
                Set<Long> matching = matches(part);
                if (result == null) {
                    result = matching;
                } else {
                    result.retainAll(matching);
                }
                if (result.isEmpty()) {
                    break;
                }
            }
            return result == null ? allOrdinals() : result;
        }

        private Set<Long> prefix(String word) {
            Document vocabulary =
                    index.find(eq(ProjectionBatch.ID, vocabularyKey(word))).first();
            if (vocabulary == null) {
                return new HashSet<>();
            }
            List<String> keys = new ArrayList<>();
            vocabulary.get("entries", Document.class).forEach((candidate, blocks) -> {
                if (word.codePointCount(0, word.length()) == SearchWords.MIN_LENGTH
                        ? candidate.equals(word)
                        : candidate.startsWith(word)) {
                    for (Object block : (List<?>) blocks) {
                        keys.add(postingKey(candidate, ((Number) block).longValue()));
                    }
                }
            });
            return postings(keys);
        }

        private Set<Long> postings(List<String> keys) {
            Set<Long> ordinals = new HashSet<>();
            if (!keys.isEmpty()) {
                index.find(in(ProjectionBatch.ID, keys))
                        .forEach(posting ->
                                posting.getList("ids", Number.class).forEach(id -> ordinals.add(id.longValue())));
            }
            return ordinals;
        }

        private Set<Long> allOrdinals() {
            Set<Long> ordinals = new HashSet<>();
            blockDocuments(LongStream.range(0, blocks).boxed().toList())
                    .forEach(block -> block.get("entries", Document.class)
                            .keySet()
                            .forEach(slot -> ordinals.add(blockOf(block) * BLOCK + Long.parseLong(slot))));
            return ordinals;
        }

        /** Each matching article with the position of its last change. */
        Map<String, Long> lastChanges(Set<Long> ordinals) {
            Map<Long, List<Long>> byBlock = new HashMap<>();
            ordinals.forEach(ordinal -> byBlock.computeIfAbsent(ordinal / BLOCK, b -> new ArrayList<>())
                    .add(ordinal));
            Map<String, Long> last = new LinkedHashMap<>();
            for (Document block : blockDocuments(byBlock.keySet())) {
                Document entries = block.get("entries", Document.class);
                for (long ordinal : byBlock.getOrDefault(blockOf(block), List.of())) {
                    Document entry = entries.get(slot(ordinal), Document.class);
                    if (entry != null) {
                        last.merge(
                                entry.getString("id"),
                                entry.get("last", Number.class).longValue(),
                                Math::max);
                    }
                }
            }
            return last;
        }

        /** Walks the articles from the most recently changed, keeping those among {@code only} (all when null). */
        List<String> recent(long recentBlocks, Set<Long> only, long skip, int size) {
            List<String> page = new ArrayList<>();
            long seen = 0;
            for (long block = recentBlocks - 1; block >= 0 && page.size() < size; block -= 8) {
                List<String> keys = new ArrayList<>();
                for (long b = block; b > block - 8 && b >= 0; b--) {
                    keys.add("r|" + b);
                }
                List<Document> documents = new ArrayList<>();
                index.find(in(ProjectionBatch.ID, keys)).forEach(documents::add);
                documents.sort(Comparator.comparingLong((Document document) -> blockOf(document))
                        .reversed());
                for (Document document : documents) {
                    Document entries = document.get("entries", Document.class);
                    List<String> slots = new ArrayList<>(entries.keySet());
                    slots.sort(Comparator.comparingLong((String slot) -> Long.parseLong(slot))
                            .reversed());
                    for (String slot : slots) {
                        Document entry = entries.get(slot, Document.class);
                        if (only != null
                                && !only.contains(
                                        entry.get("ordinal", Number.class).longValue())) {
                            continue;
                        }
                        if (seen++ >= skip && page.size() < size) {
                            page.add(entry.getString("id"));
                        }
                    }
                }
            }
            return page;
        }

        private List<Document> blockDocuments(Collection<Long> blocks) {
            List<Document> documents = new ArrayList<>();
            if (!blocks.isEmpty()) {
                index.find(in(
                                ProjectionBatch.ID,
                                blocks.stream().map(block -> "b|" + block).toList()))
                        .forEach(documents::add);
            }
            return documents;
        }

        private static long blockOf(Document document) {
            String id = document.getString(ProjectionBatch.ID);
            return Long.parseLong(id.substring(2));
        }
    }

    private static List<Long> blocks(Document words, String word) {
        Object blocks = words.get(word);
        return blocks == null
                ? List.of()
                : ((List<?>) blocks)
                        .stream().map(block -> ((Number) block).longValue()).toList();
    }

    private static String postingKey(String term, long block) {
        return "t|" + term + "|" + block;
    }

    /** The vocabulary document of a word: its first three characters, or the whole word of two. */
    private static String vocabularyKey(String word) {
        int end = word.codePointCount(0, word.length()) <= 3 ? word.length() : word.offsetByCodePoints(0, 3);
        return "w|" + word.substring(0, end);
    }

    private static String slot(long ordinal) {
        return Long.toString(ordinal % BLOCK);
    }

    private static long lastPosition(Document document) {
        return document.get(ProjectionBatch.LAST_POSITION, Number.class).longValue();
    }

    private static long count(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new LinkedHashSet<>(a);
        union.addAll(b);
        return union;
    }
}
