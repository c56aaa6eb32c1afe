/**
 * The media library's uploads: an image is checked from its bytes (format, size, pixels), its photo metadata read,
 * its renditions made, the original and the renditions stored in GridFS, and {@code MediaUploaded} recorded by the
 * {@code Media} aggregate; and the look-up of an uploaded image when a photo is attached by its media id.
 */
@NullMarked
package org.newsroom.command.media;

import org.jspecify.annotations.NullMarked;
