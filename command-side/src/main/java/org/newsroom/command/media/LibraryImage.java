package org.newsroom.command.media;

import java.util.List;

import org.newsroom.media.MediaId;
import org.newsroom.media.Rendition;

/** An uploaded image as a photo takes it: its id, its public address (the original's) and its renditions. */
public record LibraryImage(MediaId mediaId, String uri, List<Rendition> renditions) {

    public LibraryImage {
        renditions = List.copyOf(renditions);
    }
}
