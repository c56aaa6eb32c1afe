/**
 * The public event contract of the media library: what an upload records, and the value types a photo taken from the
 * library carries into the article events. Changes are additive only, as for the article events; the golden files in
 * this module's tests pin the JSON form.
 */
@NullMarked
package org.newsroom.media;

import org.jspecify.annotations.NullMarked;
