/**
 * The Article aggregate: the commands it accepts, the rules it enforces and the errors it rejects commands with.
 */
@NullMarked
package org.newsroom.command.article;

import org.jspecify.annotations.NullMarked;
