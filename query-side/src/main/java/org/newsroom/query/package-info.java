/** The query side as an application of its own: read models, the feed and its integrations, without the commands. */
@NullMarked
package org.newsroom.query;

import org.jspecify.annotations.NullMarked;
