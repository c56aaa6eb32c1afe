/** The media library's upload route, {@code POST /api/media}, for reporters and editors. */
@NullMarked
package org.newsroom.command.media.web;

import org.jspecify.annotations.NullMarked;
