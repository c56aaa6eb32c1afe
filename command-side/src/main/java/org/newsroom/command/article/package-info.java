/**
 * The Article aggregate: the commands it accepts, the rules it enforces and the errors it rejects commands with.
 */
package org.newsroom.command.article;
