/** {@code GET /media/{mediaId}/{rendition}}: an image's bytes, cacheable for good once public. */
@NullMarked
package org.newsroom.query.media.web;

import org.jspecify.annotations.NullMarked;
