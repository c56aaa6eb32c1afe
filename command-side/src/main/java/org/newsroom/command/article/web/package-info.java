/**
 * The command API of DESIGN.md's "HTTP API": one route per command, request records checked for shape only (the
 * aggregate holds the rules), and the mapping of every rejection to a problem answer.
 */
@NullMarked
package org.newsroom.command.article.web;

import org.jspecify.annotations.NullMarked;
