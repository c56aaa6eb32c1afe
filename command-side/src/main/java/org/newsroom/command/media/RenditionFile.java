package org.newsroom.command.media;

import org.newsroom.media.Rendition;

/** A rendition and its encoded bytes, ready to be stored. */
record RenditionFile(Rendition rendition, byte[] bytes) {}
