/**
 * The media library as readers and editors see it: which uploaded images exist, in which renditions, and whether a
 * publication made them public; their bytes are served from GridFS.
 */
@NullMarked
package org.newsroom.query.media;

import org.jspecify.annotations.NullMarked;
