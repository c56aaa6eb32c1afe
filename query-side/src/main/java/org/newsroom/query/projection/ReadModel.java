package org.newsroom.query.projection;

import java.util.List;

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
    default void createIndexes(ProjectionCollections target) {
    }

    /** A new, annotated Axon event handler that writes through {@code writer}. */
    Object newProjection(ProjectionWriter writer);
}
