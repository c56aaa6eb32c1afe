/**
 * How commands travel: who sent them and under which correlation id (metadata copied into every event), and what
 * they left behind once committed (the article's new version and the global position of the last event written).
 */
@NullMarked
package org.newsroom.command.dispatch;

import org.jspecify.annotations.NullMarked;
