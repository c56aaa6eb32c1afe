package org.newsroom.query.projection;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;

/**
 * One read model: its name (also the name of its processor and processing group), its collections, and how to make
 * the event handler that projects into them. The live projection and every rebuild get their own handler instance,
 * each writing through its own {@link ProjectionWriter}.
 */
public interface ReadModel {

    String name();

    /** The base names of its collections; each version lives in {@code <name>_v<version>_<base name>}. */
    List<String> collections();

    /** Creates the indexes a version of this read model needs; called before anything is written to it. */
    default void createIndexes(ProjectionCollections target) {}

    /**
     * The collections whose documents are keyed by article id: a batch reads the documents of all its articles from
     * them with one query before its first event is handled, instead of one query per article.
     */
    default List<String> articleCollections() {
        return List.of();
    }

    /**
     * Reads at once, before a batch's first event is handled, what its handlers will look up by other unique keys
     * than the article id ({@link ProjectionBatch#prefetchUnique}). Nothing by default.
     */
    default void prefetch(ProjectionBatch batch, List<? extends EventMessage<?>> events) {}

    /**
     * Whether different segments may project different articles at the same time. Not when the model keeps documents
     * that events of several articles change (a word index's postings): two segments would each read, change and write
     * back the same document, and the guard on its position would drop one of the changes. Such a model is projected
     * by one segment.
     */
    default boolean projectsArticlesIndependently() {
        return true;
    }

    /** A new, annotated Axon event handler that writes through {@code writer}. */
    Object newProjection(ProjectionWriter writer);
}
